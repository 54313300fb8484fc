import { DepositEntryEntity, RegistrationEntity } from '@kepai/api-auctions';
import { In, type EntityManager } from 'typeorm';

/**
 * The deposit side of a deal, on the append-only `deposit_entry` ledger. A registration holds
 * what it received less what was applied to deals (net of what came back from defaulted ones),
 * refunded and forfeited; once settled it holds nothing:
 * received = applied − unapplied + refunded + forfeited.
 */

/** What each registration's deposit still holds, in fen (registrations without entries: 0). */
export async function heldDeposits(
  manager: EntityManager,
  registrationIds: string[],
): Promise<Map<string, number>> {
  const held = new Map(registrationIds.map((id) => [id, 0]));
  if (registrationIds.length === 0) return held;
  const rows: Array<{ registration_id: string; held: string }> = await manager.query(
    `SELECT registration_id,
            sum(CASE WHEN kind IN ('received', 'unapplied') THEN amount ELSE -amount END)::bigint AS held
       FROM deposit_entry WHERE registration_id = ANY($1::uuid[]) GROUP BY registration_id`,
    [registrationIds],
  );
  for (const row of rows) held.set(row.registration_id, Number(row.held));
  return held;
}

/**
 * Counts the winner's deposit toward the price of the deal it won: as much as the registration
 * still holds, at most the price. Returns the amount applied.
 */
export async function applyDeposit(
  manager: EntityManager,
  registrationId: string,
  dealId: string,
  price: number,
): Promise<number> {
  const held = (await heldDeposits(manager, [registrationId])).get(registrationId) ?? 0;
  const amount = Math.min(held, price);
  if (amount > 0)
    await manager.getRepository(DepositEntryEntity).insert({
      registrationId,
      kind: 'applied',
      amount,
      dealId,
      reference: null,
      recordedBy: null,
    });
  return amount;
}

/**
 * Releases what the session's confirmed registrations still hold (the host returns it by bank
 * transfer). Registrations that won nothing become `refunded`; winners keep `confirmed` (their
 * deposit stands in their deals). Returns the refunds made, for their notifications.
 */
export async function refundHeld(
  manager: EntityManager,
  sessionId: string,
): Promise<Array<{ registrationId: string; organisationId: string; amount: number }>> {
  const registrations: Array<{ id: string; organisation_id: string; won: boolean }> =
    await manager.query(
      `SELECT r.id, r.organisation_id,
              EXISTS (SELECT 1 FROM lot l WHERE l.session_id = r.session_id
                                           AND l.winner_registration_id = r.id) AS won
         FROM registration r
        WHERE r.session_id = $1 AND r.deposit_status = 'confirmed'
        ORDER BY r.paddle`,
      [sessionId],
    );
  if (registrations.length === 0) return [];
  const held = await heldDeposits(
    manager,
    registrations.map((row) => row.id),
  );
  const losers = registrations.filter((row) => !row.won).map((row) => row.id);
  if (losers.length > 0)
    await manager.update(RegistrationEntity, { id: In(losers) }, { depositStatus: 'refunded' });
  const refunds = registrations
    .map((row) => ({
      registrationId: row.id,
      organisationId: row.organisation_id,
      amount: held.get(row.id) ?? 0,
    }))
    .filter((refund) => refund.amount > 0);
  if (refunds.length > 0)
    await manager.getRepository(DepositEntryEntity).insert(
      refunds.map((refund) => ({
        registrationId: refund.registrationId,
        kind: 'refunded' as const,
        amount: refund.amount,
        dealId: null,
        reference: null,
        recordedBy: null,
      })),
    );
  return refunds;
}

/**
 * A winner who did not pay forfeits the deposit applied to the deal: it comes back from the deal
 * (`unapplied`) and is kept (`forfeited`); the registration becomes `forfeited`. Returns the
 * amount forfeited (0 when none was applied).
 */
export async function forfeitApplied(
  manager: EntityManager,
  registrationId: string,
  dealId: string,
  amount: number,
): Promise<number> {
  if (amount <= 0) return 0;
  await manager.getRepository(DepositEntryEntity).insert(
    (['unapplied', 'forfeited'] as const).map((kind) => ({
      registrationId,
      kind,
      amount,
      dealId,
      reference: null,
      recordedBy: null,
    })),
  );
  await manager.update(RegistrationEntity, { id: registrationId }, { depositStatus: 'forfeited' });
  return amount;
}
