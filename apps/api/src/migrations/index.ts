// Migrations in the order they run. `npm run db:migration -- <Name>` adds to both lists.
import { Initial1795312335526 } from './1795312335526-Initial';
import { IdentityAndAudit1795313665535 } from './1795313665535-IdentityAndAudit';
import { Catalogue1795316482060 } from './1795316482060-Catalogue';
import { Attachments1795317806672 } from './1795317806672-Attachments';
import { SearchCache1795321355690 } from './1795321355690-SearchCache';
import { Auctions1795322690948 } from './1795322690948-Auctions';
import { Deals1795325318184 } from './1795325318184-Deals';
import { Notifications1795334810712 } from './1795334810712-Notifications';
import { DealLifecycle1795335028403 } from './1795335028403-DealLifecycle';
import { RetentionIndexes1796556667399 } from './1796556667399-RetentionIndexes';
// migrations: imports

export const MIGRATIONS = [
  Initial1795312335526,
  IdentityAndAudit1795313665535,
  Catalogue1795316482060,
  Attachments1795317806672,
  SearchCache1795321355690,
  Auctions1795322690948,
  Deals1795325318184,
  Notifications1795334810712,
  DealLifecycle1795335028403,
  RetentionIndexes1796556667399,
  // migrations: list
];
