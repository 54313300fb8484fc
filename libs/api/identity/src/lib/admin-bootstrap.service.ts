import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { KEPAI_CONFIG, type KepaiConfig } from '@kepai/api-core';
import { DataSource, type EntityManager } from 'typeorm';
import { DEMO_ADMIN, DEMO_ORGANISATIONS, DEMO_PASSWORD } from './demo-accounts';
import { OrganisationEntity } from './organisation.entity';
import { PasswordHasher } from './password-hasher';
import { UserEntity } from './user.entity';

export const PLATFORM_ORGANISATION_NAME = '科拍平台 Kepai Platform';

async function platformOrganisation(manager: EntityManager): Promise<OrganisationEntity> {
  const organisations = manager.getRepository(OrganisationEntity);
  const existing = await organisations.findOne({ where: { type: 'platform' } });
  if (existing !== null) return existing;
  return organisations.save(
    organisations.create({
      type: 'platform',
      name: PLATFORM_ORGANISATION_NAME,
      creditCode: null,
      region: '全国',
      verified: true,
    }),
  );
}

/**
 * At start: KEPAI_ADMIN_EMAIL / KEPAI_ADMIN_PASSWORD create a platform admin when that email has
 * no account yet (an existing account is left as it is: the variables never reset a password).
 * The demo accounts are created by the app's demo seed, through seedDemoAccounts.
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
    if (admin !== null) {
      const created = await this.ensureAdmin(admin.email, admin.password);
      this.logger.log(
        created
          ? `created platform admin ${admin.email}`
          : `platform admin ${admin.email} already exists`,
      );
    }
  }

  /** Returns true when the admin was created, false when the email already had an account. */
  async ensureAdmin(
    email: string,
    password: string,
    displayName = '平台管理员 Admin',
  ): Promise<boolean> {
    const passwordHash = await this.hasher.hash(password);
    return this.dataSource.transaction(async (manager) => {
      const users = manager.getRepository(UserEntity);
      if (await users.exists({ where: { email } })) return false;
      const platform = await platformOrganisation(manager);
      await users.insert({
        email,
        passwordHash,
        displayName,
        organisationId: platform.id,
        role: 'admin',
      });
      return true;
    });
  }

  /** Creates the demo organisations and users that are missing; true when anything was created. */
  async seedDemoAccounts(): Promise<boolean> {
    const passwordHash = await this.hasher.hash(DEMO_PASSWORD);
    let created = await this.ensureAdmin(DEMO_ADMIN.email, DEMO_PASSWORD, DEMO_ADMIN.displayName);
    await this.dataSource.transaction(async (manager) => {
      const organisations = manager.getRepository(OrganisationEntity);
      const users = manager.getRepository(UserEntity);
      for (const demo of DEMO_ORGANISATIONS) {
        let organisation = await organisations.findOne({ where: { creditCode: demo.creditCode } });
        if (organisation === null) {
          organisation = await organisations.save(
            organisations.create({
              type: demo.type,
              name: demo.name,
              creditCode: demo.creditCode,
              region: demo.region,
              verified: demo.verified,
            }),
          );
          created = true;
        }
        for (const user of demo.users) {
          if (await users.exists({ where: { email: user.email } })) continue;
          await users.insert({ ...user, passwordHash, organisationId: organisation.id });
          created = true;
        }
      }
    });
    return created;
  }

  printDemoAccounts(created: boolean): void {
    const lines = [
      `kepai: demo mode${created ? ' (demo accounts created)' : ''}; every demo account's password is ${DEMO_PASSWORD}`,
      `kepai:   ${DEMO_ADMIN.email.padEnd(28)} platform admin`,
      ...DEMO_ORGANISATIONS.flatMap((organisation) =>
        organisation.users.map(
          (user) =>
            `kepai:   ${user.email.padEnd(28)} ${organisation.type} ${user.role}, ${organisation.name}${organisation.verified ? '' : ' (unverified)'}`,
        ),
      ),
    ];
    // printed, not logged: a person starting the demo needs these whatever LOG_LEVEL says
    console.log(lines.join('\n'));
  }
}
