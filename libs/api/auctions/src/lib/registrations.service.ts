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
import { NotificationsService } from '@kepai/api-notifications';
import type { MyRegistrationView, RegistrationView } from '@kepai/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { AuctionSessionEntity, DepositEntryEntity, RegistrationEntity } from './auction.entities';
import type { ConfirmDepositDto } from './dto/auctions.dto';
import { SessionsService } from './sessions.service';

export function registrationView(registration: RegistrationEntity): RegistrationView {
  return {
    id: registration.id,
    sessionId: registration.sessionId,
    organisationId: registration.organisationId,
    depositStatus: registration.depositStatus,
    paddle: registration.paddle,
  };
}

/**
 * Enterprises register to bid in a session (报名); the host broker confirms the deposit, which
 * records a ledger entry (the money moves by bank transfer outside Kepai) and gives the next
 * paddle number (牌号) of the session.
 */
@Injectable()
export class RegistrationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly notifications: NotificationsService,
  ) {}

  async register(actor: Actor, meta: RequestMeta, sessionId: string): Promise<RegistrationView> {
    return this.dataSource.transaction(async (manager) => {
      const session = await manager.getRepository(AuctionSessionEntity).findOneBy({
        id: sessionId,
      });
      if (session === null) throw new AppException('NOT_FOUND', 'No such session');
      const registrations = manager.getRepository(RegistrationEntity);
      const existing = await registrations.findOneBy({
        sessionId,
        organisationId: actor.organisationId,
      });
      if (existing !== null)
        throw new AppException('CONFLICT', 'Your organisation is already registered here');
      const registration = await registrations.save(
        registrations.create({
          sessionId,
          organisationId: actor.organisationId,
          createdBy: actor.userId,
          depositStatus: 'pending',
          paddle: null,
          confirmedAt: null,
        }),
      );
      await this.audit.record(manager, {
        actor,
        meta,
        action: 'registration.create',
        targetType: 'registration',
        targetId: registration.id,
        summary: { after: { sessionId } },
      });
      return registrationView(registration);
    });
  }

  /** The host (and admins) see every registration; an enterprise sees its own. */
  async list(actor: Actor, sessionId: string): Promise<RegistrationView[]> {
    const session = await this.dataSource
      .getRepository(AuctionSessionEntity)
      .findOneBy({ id: sessionId });
    if (session === null) throw new AppException('NOT_FOUND', 'No such session');
    const registrations = this.dataSource.getRepository(RegistrationEntity);
    if (session.hostId === actor.organisationId || isPlatformAdmin(actor))
      return (await registrations.find({ where: { sessionId }, order: { createdAt: 'ASC' } })).map(
        registrationView,
      );
    if (actor.organisationType !== 'enterprise')
      throw new AppException('FORBIDDEN', 'Only the host broker sees the registrations');
    return (await registrations.findBy({ sessionId, organisationId: actor.organisationId })).map(
      registrationView,
    );
  }

  /**
   * The caller's organisation's registrations across sessions, the newest first, with what its
   * console shows of each session (at most the latest 500: one per session).
   */
  async mine(actor: Actor): Promise<MyRegistrationView[]> {
    const registrations = await this.dataSource.getRepository(RegistrationEntity).find({
      where: { organisationId: actor.organisationId },
      relations: { session: { host: true } },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: 500,
    });
    return registrations.map((registration) => {
      const session = registration.session;
      if (session === undefined)
        throw new Error(`registration ${registration.id} read without its session`);
      return {
        ...registrationView(registration),
        createdAt: registration.createdAt.toISOString(),
        session: {
          id: session.id,
          title: session.title,
          format: session.format,
          startsAt: session.startsAt?.toISOString() ?? null,
          depositAmount: session.depositAmount,
          host: { id: session.hostId, name: session.host?.name ?? '' },
        },
      };
    });
  }

  /**
   * Approves the registration: the deposit is confirmed (a ledger entry) and the next paddle
   * given. The enterprise's members are told once, `registration_approved` carrying the deposit
   * too (no second `deposit_confirmed`: approval and deposit are one act here).
   */
  async confirmDeposit(
    actor: Actor,
    meta: RequestMeta,
    id: string,
    body: ConfirmDepositDto,
  ): Promise<RegistrationView> {
    const { view, recorded } = await this.dataSource.transaction(async (manager) => {
      const registration = await this.locked(manager, id);
      // the session row is locked too, so that two confirmations never take the same paddle
      const session = await manager
        .getRepository(AuctionSessionEntity)
        .createQueryBuilder('s')
        .setLock('pessimistic_write')
        .where('s.id = :id', { id: registration.sessionId })
        .getOneOrFail();
      await this.sessions.hosted(manager, actor, session.id);
      if (registration.depositStatus !== 'pending')
        throw new AppException('CONFLICT', `This deposit is already ${registration.depositStatus}`);
      const [{ next }]: Array<{ next: number }> = await manager.query(
        `SELECT coalesce(max(paddle), 0) + 1 AS next FROM registration WHERE session_id = $1`,
        [session.id],
      );
      registration.depositStatus = 'confirmed';
      registration.paddle = next;
      registration.confirmedAt = this.clock.now();
      await manager.getRepository(RegistrationEntity).save(registration);
      await manager.getRepository(DepositEntryEntity).insert({
        registrationId: registration.id,
        kind: 'received',
        amount: session.depositAmount,
        reference: body.reference?.trim() ?? null,
        recordedBy: actor.userId,
      });
      await this.audit.record(manager, {
        actor,
        meta,
        action: 'registration.confirm_deposit',
        targetType: 'registration',
        targetId: registration.id,
        summary: { after: { paddle: next, amount: session.depositAmount } },
      });
      const recorded = await this.notifications.notify(manager, {
        organisationIds: [registration.organisationId],
        kind: 'registration_approved',
        payload: {
          sessionId: session.id,
          sessionTitle: session.title,
          registrationId: registration.id,
          paddle: next,
          depositAmount: session.depositAmount,
        },
        dedupeKey: `registration_approved:${registration.id}`,
      });
      return { view: registrationView(registration), recorded };
    });
    this.notifications.announce(recorded);
    return view;
  }

  private async locked(manager: EntityManager, id: string): Promise<RegistrationEntity> {
    const registration = await manager
      .getRepository(RegistrationEntity)
      .createQueryBuilder('r')
      .setLock('pessimistic_write')
      .where('r.id = :id', { id })
      .getOne();
    if (registration === null) throw new AppException('NOT_FOUND', 'No such registration');
    return registration;
  }
}
