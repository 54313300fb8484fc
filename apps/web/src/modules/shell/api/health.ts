import { isErrorEnvelope, type HealthReport } from '@kepai/contracts';

/** `GET /api/v1/health`. A 503 still carries the report, which says what is down. */
export async function fetchHealth(signal?: AbortSignal): Promise<HealthReport> {
  const response = await fetch('/api/v1/health', {
    headers: { accept: 'application/json' },
    signal,
  });
  const body: unknown = await response.json().catch(() => null);
  if (body !== null && typeof body === 'object' && 'database' in body && !isErrorEnvelope(body)) {
    return body as HealthReport;
  }
  throw new Error(`health check answered ${response.status}`);
}
