import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppException, SessionRevocations, type Actor, type RequestMeta } from '@kepai/api-core';
import { AuditService } from '@kepai/api-audit';
import type { UserView } from '@kepai/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { ChangePasswordDto, LoginDto, RegisterDto } from './dto/identity.dto';
import { LoginThrottleService } from './login-throttle.service';
import { OrganisationEntity } from './organisation.entity';
import { PasswordHasher } from './password-hasher';
import { passwordProblem } from './password-policy';
import { SessionService, type IssuedSession } from './session.service';
import { UserEntity } from './user.entity';
import { userView } from './views';

export interface SignedIn {
  user: UserView;
  session: IssuedSession;
}

const WRONG_CREDENTIALS = 'Email or password is incorrect';

/**
 * Two registrations racing for one email or credit code: the loser hits the unique index, and
 * gets the same refusal as if it had come second.
 */
export async function uniqueViolationAsConflict<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const { code, detail } =
      (error as { driverError?: { code?: string; detail?: string } }).driverError ?? {};
    if (code === '23505' && detail?.includes('(email)'))
      throw new AppException('EMAIL_TAKEN', 'An account with this email already exists');
    if (code === '23505' && detail?.includes('(credit_code)')) {
      throw new AppException(
        'CREDIT_CODE_TAKEN',
        'An organisation with this unified social credit code is already registered',
      );
    }
    throw error;
  }
}

@Injectable()
export class IdentityService {
  /** Verified against when the email has no account, so both answers take the same time. */
  private decoyHash: Promise<string> | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionService,
    private readonly throttle: LoginThrottleService,
    private readonly audit: AuditService,
    private readonly revocations: SessionRevocations,
  ) {}

  async register(
    meta: RequestMeta,
    body: RegisterDto,
    userAgent: string | null,
  ): Promise<SignedIn> {
    const email = body.email.trim().toLowerCase();
    const problem = passwordProblem(body.password, { email });
    if (problem !== null) throw new AppException('WEAK_PASSWORD', problem);
    const passwordHash = await this.hasher.hash(body.password);
    return uniqueViolationAsConflict(() =>
      this.registerWith(meta, body, email, passwordHash, userAgent),
    );
  }

  private registerWith(
    meta: RequestMeta,
    body: RegisterDto,
    email: string,
    passwordHash: string,
    userAgent: string | null,
  ): Promise<SignedIn> {
    return this.dataSource.transaction(async (manager) => {
      const users = manager.getRepository(UserEntity);
      const organisations = manager.getRepository(OrganisationEntity);
      if (await users.exists({ where: { email } }))
        throw new AppException('EMAIL_TAKEN', 'An account with this email already exists');
      if (await organisations.exists({ where: { creditCode: body.organisation.creditCode } })) {
        throw new AppException(
          'CREDIT_CODE_TAKEN',
          'An organisation with this unified social credit code is already registered',
        );
      }
      // fields are picked one by one: nothing else in the body (verified, role…) can reach the rows
      const organisation = await organisations.save(
        organisations.create({
          type: body.organisation.type,
          name: body.organisation.name.trim(),
          creditCode: body.organisation.creditCode,
          region: body.organisation.region.trim(),
          verified: false,
        }),
      );
      const user = await users.save(
        users.create({
          email,
          passwordHash,
          displayName: body.displayName.trim(),
          organisationId: organisation.id,
          role: 'owner',
        }),
      );
      const onBehalfOf = { userId: user.id, organisationId: organisation.id };
      await this.audit.record(manager, {
        actor: null,
        onBehalfOf,
        meta,
        action: 'organisation.register',
        targetType: 'organisation',
        targetId: organisation.id,
        summary: {
          after: {
            type: organisation.type,
            name: organisation.name,
            creditCode: organisation.creditCode,
            region: organisation.region,
            verified: false,
          },
        },
      });
      await this.audit.record(manager, {
        actor: null,
        onBehalfOf,
        meta,
        action: 'user.create',
        targetType: 'user',
        targetId: user.id,
        summary: { after: { email, role: 'owner', organisationId: organisation.id } },
      });
      const session = await this.sessions.issue(manager, user.id, meta, userAgent);
      return { user: userView(user, organisation), session };
    });
  }

  async login(meta: RequestMeta, body: LoginDto, userAgent: string | null): Promise<SignedIn> {
    const email = body.email.trim().toLowerCase();
    await this.throttle.claimAttempt(this.dataSource.manager, email);
    const user = await this.dataSource
      .getRepository(UserEntity)
      .findOne({ where: { email }, relations: { organisation: true } });
    const valid = await this.hasher.verify(
      user?.passwordHash ?? (await this.decoy()),
      body.password,
    );
    if (user === null || !valid || user.organisation === undefined) {
      throw new AppException('UNAUTHENTICATED', WRONG_CREDENTIALS);
    }
    const organisation = user.organisation;
    return this.dataSource.transaction(async (manager) => {
      await this.throttle.clear(manager, email);
      const session = await this.sessions.issue(manager, user.id, meta, userAgent);
      await this.audit.record(manager, {
        actor: null,
        onBehalfOf: { userId: user.id, organisationId: user.organisationId },
        meta,
        action: 'session.login',
        targetType: 'session',
        targetId: session.sessionId,
      });
      return { user: userView(user, organisation), session };
    });
  }

  async logout(actor: Actor, meta: RequestMeta): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.sessions.revoke(manager, actor.sessionId);
      await this.audit.record(manager, {
        actor,
        meta,
        action: 'session.logout',
        targetType: 'session',
        targetId: actor.sessionId,
      });
    });
    this.revocations.announce([actor.sessionId]);
  }

  async me(actor: Actor): Promise<UserView> {
    const user = await this.dataSource
      .getRepository(UserEntity)
      .findOne({ where: { id: actor.userId }, relations: { organisation: true } });
    if (user === null || user.organisation === undefined)
      throw new AppException('UNAUTHENTICATED', 'Sign in again');
    return userView(user, user.organisation);
  }

  /** Changes the password and ends every other session of the user. */
  async changePassword(
    actor: Actor,
    meta: RequestMeta,
    body: ChangePasswordDto,
  ): Promise<{ revokedSessions: number }> {
    const user = await this.dataSource
      .getRepository(UserEntity)
      .findOneByOrFail({ id: actor.userId });
    if (!(await this.hasher.verify(user.passwordHash, body.currentPassword))) {
      throw new AppException('UNAUTHENTICATED', 'The current password is incorrect');
    }
    const problem = passwordProblem(body.newPassword, { email: user.email });
    if (problem !== null) throw new AppException('WEAK_PASSWORD', problem);
    const passwordHash = await this.hasher.hash(body.newPassword);
    const ended = await this.dataSource.transaction(async (manager: EntityManager) => {
      await manager.getRepository(UserEntity).update({ id: user.id }, { passwordHash });
      const sessionIds = await this.sessions.revokeOthers(manager, user.id, actor.sessionId);
      await this.audit.record(manager, {
        actor,
        meta,
        action: 'user.password_change',
        targetType: 'user',
        targetId: user.id,
        summary: { revokedSessions: sessionIds.length },
      });
      return sessionIds;
    });
    // after the commit: the ended sessions' sockets close too
    this.revocations.announce(ended);
    return { revokedSessions: ended.length };
  }

  private decoy(): Promise<string> {
    this.decoyHash ??= this.hasher.hash('kepai decoy password, never a real one');
    return this.decoyHash;
  }
}
