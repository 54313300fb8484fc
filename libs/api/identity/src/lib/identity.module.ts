import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { Clock, SOCKET_AUTHENTICATOR } from '@kepai/api-core';
import { AuditModule } from '@kepai/api-audit';
import { AdminBootstrapService } from './admin-bootstrap.service';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { IdentityService } from './identity.service';
import { LoginThrottleService } from './login-throttle.service';
import { MeController } from './me.controller';
import { OrganisationService } from './organisation.service';
import {
  AdminOrganisationsController,
  InvitationsController,
  OrganisationsController,
} from './organisations.controller';
import { PasswordHasher } from './password-hasher';
import { SessionService } from './session.service';
import { SessionSocketAuthenticator } from './socket-authenticator';

/**
 * Accounts, organisations, sessions and access. Global because every other module's routes
 * pass its guard and the socket gateway authenticates through it.
 */
@Global()
@Module({
  imports: [AuditModule],
  controllers: [
    AuthController,
    MeController,
    OrganisationsController,
    InvitationsController,
    AdminOrganisationsController,
  ],
  providers: [
    Clock,
    PasswordHasher,
    SessionService,
    LoginThrottleService,
    IdentityService,
    OrganisationService,
    AdminBootstrapService,
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: SOCKET_AUTHENTICATOR, useClass: SessionSocketAuthenticator },
  ],
  exports: [PasswordHasher, SessionService, AdminBootstrapService, SOCKET_AUTHENTICATOR],
})
export class IdentityModule {}
