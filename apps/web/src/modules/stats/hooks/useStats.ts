import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../lib/query-keys';
import { fetchStatsOverview } from '../api/stats';

export function useStatsOverview() {
  return useQuery({
    queryKey: queryKeys.statsOverview,
    queryFn: ({ signal }) => fetchStatsOverview(signal),
    staleTime: 60_000,
  });
}
