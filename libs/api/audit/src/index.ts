export * from './lib/audit-event.entity';
export * from './lib/audit.service';
export * from './lib/audit.module';

import { AuditEventEntity } from './lib/audit-event.entity';

export const AUDIT_ENTITIES = [AuditEventEntity];
