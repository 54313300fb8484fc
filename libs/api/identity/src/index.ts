export * from './lib/organisation.entity';
export * from './lib/user.entity';
export * from './lib/password-hasher';
export * from './lib/admin-bootstrap.service';
export * from './lib/identity.module';

import { OrganisationEntity } from './lib/organisation.entity';
import { UserEntity } from './lib/user.entity';

/** The identity domain's tables, for the app's data source. */
export const IDENTITY_ENTITIES = [OrganisationEntity, UserEntity];
