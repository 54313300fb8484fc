// Migrations in the order they run. `npm run db:migration -- <Name>` adds to both lists.
import { Initial1795312335526 } from './1795312335526-Initial';
// migrations: imports

export const MIGRATIONS = [
  Initial1795312335526,
  // migrations: list
];
