import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { KEPAI_CONFIG, type KepaiConfig } from '@kepai/api-core';
import { DataSource } from 'typeorm';
import { OrganisationEntity } from './organisation.entity';
import { PasswordHasher } from './password-hasher';
import { UserEntity } from './user.entity';

export const PLATFORM_ORGANISATION_NAME = '科拍平台 Kepai Platform';

/**
 * KEPAI_ADMIN_EMAIL / KEPAI_ADMIN_PASSWORD create a platform admin at start when that email has
 * no account yet. An existing account is left as it is: the variables never reset a password.
 */
@Injectable()
export class AdminBootstrapService implements OnApplicationBootstrap {
  private readonly logger = new Logger('AdminBootstrap');

  constructor(
    @Inject(KEPAI_CONFIG) private readonly config: KepaiConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const admin = this.config.admin;
    if (admin === null) return;
    const created = await this.ensureAdmin(admin.email, admin.password);
    this.logger.log(
      created
        ? `created platform admin ${admin.email}`
        : `platform admin ${admin.email} already exists`,
    );
  }

  /** Returns true when the admin was created, false when the email already had an account. */
  async ensureAdmin(email: string, password: string): Promise<boolean> {
    const passwordHash = await this.hasher.hash(password);
    return this.dataSource.transaction(async (manager) => {
      const users = manager.getRepository(UserEntity);
      if (await users.exists({ where: { email } })) return false;
      const organisations = manager.getRepository(OrganisationEntity);
      let platform = await organisations.findOne({ where: { type: 'platform' } });
      if (platform === null) {
        platform = await organisations.save(
          organisations.create({
            type: 'platform',
            name: PLATFORM_ORGANISATION_NAME,
            creditCode: null,
            region: '全国',
            verified: true,
          }),
        );
      }
      await users.insert({
        email,
        passwordHash,
        displayName: '平台管理员 Admin',
        organisationId: platform.id,
        role: 'admin',
      });
      return true;
    });
  }
}
