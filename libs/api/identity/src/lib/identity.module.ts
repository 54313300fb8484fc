import { Module } from '@nestjs/common';
import { AdminBootstrapService } from './admin-bootstrap.service';
import { PasswordHasher } from './password-hasher';

@Module({
  providers: [PasswordHasher, AdminBootstrapService],
  exports: [PasswordHasher, AdminBootstrapService],
})
export class IdentityModule {}
