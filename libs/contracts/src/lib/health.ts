export type ComponentStatus = 'up' | 'down' | 'disabled';

export interface HealthComponent {
  status: ComponentStatus;
  /** A short human-readable detail, e.g. "postgresql", "embedded pglite", "in-process". */
  detail?: string;
}

/** `GET /api/v1/health`: 200 when every enabled component is up, 503 otherwise. */
export interface HealthReport {
  status: 'ok' | 'error';
  version: string;
  serverTime: string;
  database: HealthComponent;
  redis: HealthComponent;
}
