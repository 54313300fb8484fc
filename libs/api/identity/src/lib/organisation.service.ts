import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AppException,
  Clock,
  isPlatformAdmin,
  type Actor,
  type RequestMeta,
} from '@kepai/api-core';
import { AuditService } from '@kepai/api-audit';
import type {
  InvitationCreated,
  InvitationView,
  MemberView,
  OrganisationDetail,
  OrganisationView,
  UserRole,
} from '@kepai/contracts';
import { DataSource, IsNull, MoreThan } from 'typeorm';
import type { AcceptInvitationDto, InvitationDto } from './dto/identity.dto';
import { uniqueViolationAsConflict, type SignedIn } from './identity.service';
import { InvitationEntity } from './invitation.entity';
import { OrganisationEntity } from './organisation.entity';
import { PasswordHasher } from './password-hasher';
import { passwordProblem } from './password-policy';
import { SessionService } from './session.service';
import { newToken, sha256 } from './tokens';
import { UserEntity } from './user.entity';
import {
  invitationView,
  memberView,
  organisationDetail,
  organisationView,
  userView,
} from './views';

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

@Injectable()
export class OrganisationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
  ) {}

  private async find(id: string): Promise<OrganisationEntity> {
    const organisation = await this.dataSource
      .getRepository(OrganisationEntity)
      .findOne({ where: { id } });
    if (organisation === null) throw new AppException('NOT_FOUND', 'No such organisation');
    return organisation;
  }

  /** Members and admins see the detail; anyone else signed in sees the public view. */
  async get(actor: Actor, id: string): Promise<OrganisationView | OrganisationDetail> {
    const organisation = await this.find(id);
    return actor.organisationId === id || isPlatformAdmin(actor)
      ? organisationDetail(organisation)
      : organisationView(organisation);
  }

  async members(actor: Actor, id: string): Promise<MemberView[]> {
    await this.find(id);
    if (actor.organisationId !== id && !isPlatformAdmin(actor))
      throw new AppException('FORBIDDEN', "Only an organisation's own members see its members");
    const users = await this.dataSource
      .getRepository(UserEntity)
      .find({ where: { organisationId: id }, order: { createdAt: 'ASC' } });
    return users.map(memberView);
  }

  private async requireOwnerOf(actor: Actor, id: string): Promise<OrganisationEntity> {
    const organisation = await this.find(id);
    if (actor.organisationId !== id || actor.role !== 'owner')
      throw new AppException('FORBIDDEN', "Only the organisation's owners may do this");
    return organisation;
  }

  async invite(
    actor: Actor,
    meta: RequestMeta,
    id: string,
    body: InvitationDto,
  ): Promise<InvitationCreated> {
    await this.requireOwnerOf(actor, id);
    const email = body.email.trim().toLowerCase();
    if (await this.dataSource.getRepository(UserEntity).exists({ where: { email } })) {
      throw new AppException('EMAIL_TAKEN', 'This email already has a Kepai account');
    }
    const token = newToken();
    return this.dataSource.transaction(async (manager) => {
      const invitations = manager.getRepository(InvitationEntity);
      const invitation = await invitations.save(
        invitations.create({
          organisationId: id,
          email,
          role: body.role,
          tokenHash: sha256(token),
          invitedBy: actor.userId,
          expiresAt: new Date(this.clock.now().getTime() + INVITATION_TTL_MS),
          acceptedAt: null,
        }),
      );
      await this.audit.record(manager, {
        actor,
        meta,
        action: 'invitation.create',
        targetType: 'invitation',
        targetId: invitation.id,
        summary: { after: { email, role: body.role, organisationId: id } },
      });
      return { ...invitationView(invitation), token, acceptPath: `/invite/${token}` };
    });
  }

  async invitations(actor: Actor, id: string): Promise<InvitationView[]> {
    await this.requireOwnerOf(actor, id);
    const rows = await this.dataSource
      .getRepository(InvitationEntity)
      .find({ where: { organisationId: id }, order: { createdAt: 'DESC' } });
    return rows.map(invitationView);
  }

  /** Anyone holding a live invitation link joins that organisation with the invited role. */
  async accept(
    meta: RequestMeta,
    body: AcceptInvitationDto,
    userAgent: string | null,
  ): Promise<SignedIn> {
    const invitation = await this.dataSource.getRepository(InvitationEntity).findOne({
      where: {
        tokenHash: sha256(body.token),
        acceptedAt: IsNull(),
        expiresAt: MoreThan(this.clock.now()),
      },
    });
    if (invitation === null)
      throw new AppException(
        'INVITATION_INVALID',
        'This invitation link is invalid, used or expired; ask for a new one',
      );
    const problem = passwordProblem(body.password, { email: invitation.email });
    if (problem !== null) throw new AppException('WEAK_PASSWORD', problem);
    const passwordHash = await this.hasher.hash(body.password);
    return uniqueViolationAsConflict(() =>
      this.dataSource.transaction(async (manager) => {
        // an invitation is only as good as its inviter: one who is no longer an owner cannot add people
        const inviter: unknown[] = await manager.query(
          `SELECT 1 FROM app_user WHERE id = $1 AND organisation_id = $2 AND role = 'owner'`,
          [invitation.invitedBy, invitation.organisationId],
        );
        if (inviter.length === 0) {
          throw new AppException(
            'INVITATION_INVALID',
            'The person who sent this invitation can no longer invite; ask for a new one',
          );
        }
        // claim the invitation first: of two racing accepts, one updates the row, the other nothing
        const claimed = await manager
          .getRepository(InvitationEntity)
          .update({ id: invitation.id, acceptedAt: IsNull() }, { acceptedAt: this.clock.now() });
        if (claimed.affected !== 1)
          throw new AppException('INVITATION_INVALID', 'This invitation link was just used');
        const users = manager.getRepository(UserEntity);
        const user = await users.save(
          users.create({
            email: invitation.email,
            passwordHash,
            displayName: body.displayName.trim(),
            organisationId: invitation.organisationId,
            role: invitation.role,
          }),
        );
        const organisation = await manager
          .getRepository(OrganisationEntity)
          .findOneByOrFail({ id: invitation.organisationId });
        await this.audit.record(manager, {
          actor: null,
          onBehalfOf: { userId: user.id, organisationId: organisation.id },
          meta,
          action: 'invitation.accept',
          targetType: 'user',
          targetId: user.id,
          summary: { invitationId: invitation.id, after: { email: user.email, role: user.role } },
        });
        const session = await this.sessions.issue(manager, user.id, meta, userAgent);
        return { user: userView(user, organisation), session };
      }),
    );
  }

  async setRole(
    actor: Actor,
    meta: RequestMeta,
    id: string,
    userId: string,
    role: Exclude<UserRole, 'admin'>,
  ): Promise<MemberView> {
    await this.requireOwnerOf(actor, id);
    return this.dataSource.transaction(async (manager) => {
      // lock the organisation's owners so that two owners demoting each other cannot both succeed
      const owners: Array<{ id: string }> = await manager.query(
        `SELECT id FROM app_user WHERE organisation_id = $1 AND role = 'owner' FOR UPDATE`,
        [id],
      );
      // the caller's own role, under the lock: an owner demoted a moment ago is no owner now
      if (!owners.some((owner) => owner.id === actor.userId)) {
        throw new AppException('FORBIDDEN', "Only the organisation's owners may do this");
      }
      const users = manager.getRepository(UserEntity);
      const member = await users.findOne({ where: { id: userId, organisationId: id } });
      if (member === null)
        throw new AppException('NOT_FOUND', 'No such member in this organisation');
      if (member.role === role) return memberView(member);
      if (
        member.role === 'owner' &&
        (await users.count({ where: { organisationId: id, role: 'owner' } })) === 1
      ) {
        throw new AppException(
          'LAST_OWNER',
          'An organisation keeps at least one owner; make someone else owner first',
        );
      }
      const before = member.role;
      await users.update({ id: member.id }, { role });
      await this.audit.record(manager, {
        actor,
        meta,
        action: 'user.role_change',
        targetType: 'user',
        targetId: member.id,
        summary: { before: { role: before }, after: { role } },
      });
      return memberView({ ...member, role });
    });
  }

  async list(status: 'pending' | 'verified' | 'all'): Promise<OrganisationDetail[]> {
    const query = this.dataSource
      .getRepository(OrganisationEntity)
      .createQueryBuilder('o')
      .where(`o.type <> 'platform'`)
      .orderBy('o.created_at', 'ASC')
      .limit(500);
    if (status !== 'all')
      query.andWhere('o.verified = :verified', { verified: status === 'verified' });
    return (await query.getMany()).map(organisationDetail);
  }

  async verify(actor: Actor, meta: RequestMeta, id: string): Promise<OrganisationDetail> {
    return this.dataSource.transaction(async (manager) => {
      const organisations = manager.getRepository(OrganisationEntity);
      const organisation = await organisations.findOne({
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (organisation === null) throw new AppException('NOT_FOUND', 'No such organisation');
      if (organisation.type === 'platform')
        throw new AppException('CONFLICT', 'The platform organisation needs no verification');
      if (!organisation.verified) {
        await organisations.update({ id }, { verified: true });
        await this.audit.record(manager, {
          actor,
          meta,
          action: 'organisation.verify',
          targetType: 'organisation',
          targetId: id,
          summary: { before: { verified: false }, after: { verified: true } },
        });
      }
      return organisationDetail({ ...organisation, verified: true });
    });
  }
}
