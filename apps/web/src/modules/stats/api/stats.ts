import type { StatsOverview } from '@kepai/contracts';
import { getJson } from '../../../lib/http';

/** `GET /stats/overview` (public): the platform's figures, read from the tables on each request. */
export function fetchStatsOverview(signal?: AbortSignal): Promise<StatsOverview> {
  return getJson<StatsOverview>('/stats/overview', { signal });
}
