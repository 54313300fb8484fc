// Migrations in the order they run. `npm run db:migration -- <Name>` adds to both lists.
import { Initial1795312335526 } from './1795312335526-Initial';
import { IdentityAndAudit1795313665535 } from './1795313665535-IdentityAndAudit';
// migrations: imports

export const MIGRATIONS = [
  Initial1795312335526,
  IdentityAndAudit1795313665535,
  // migrations: list
];
