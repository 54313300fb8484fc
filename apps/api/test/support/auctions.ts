import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { LotSummary, RegistrationView, SessionView } from '@kepai/contracts';
import type { Account } from './accounts';

export const LADDER: Array<[number, number]> = [
  [0, 100_000],
  [10_000_000, 500_000],
];

export function resultBody(title: string, extra: Record<string, unknown> = {}) {
  return {
    title,
    summary: '以石墨烯为骨架的硅碳负极，循环寿命提升 40%。',
    description: '本成果针对锂电池负极膨胀问题，提出石墨烯包覆纳米硅的制备方法，已完成中试验证。',
    field: 'materials',
    keywords: ['石墨烯', '负极材料'],
    patentNumbers: [],
    maturity: 'pilot',
    transactionModes: ['assignment', 'ordinary_licence'],
    askingPrice: 50_000_000,
    region: '湖北省武汉市',
    ...extra,
  };
}

export const bearer = (account: Account) => ({ authorization: `Bearer ${account.token}` });

/** What a lot needs besides its result: times relative to now, and the prices. */
export interface LotOptions {
  opensInMs: number;
  closesInMs: number;
  mode?: string;
  startingPrice?: number;
  reservePrice?: number;
}

/**
 * Auction set-up through the api, as its users would do it: an institute publishes (an admin
 * approves), a broker hosts sessions and lots and confirms deposits, enterprises register and bid.
 */
export class AuctionKit {
  constructor(
    private readonly url: string,
    private readonly people: { admin: Account; institute: Account; broker: Account },
  ) {}

  private api() {
    return request(this.url);
  }

  /** A result of the institute (or of `institute`), submitted and approved. */
  async publishedResult(
    title: string,
    extra: Record<string, unknown> = {},
    institute = this.people.institute,
  ): Promise<string> {
    const created = await this.api()
      .post('/api/v1/results')
      .set(bearer(institute))
      .send(resultBody(title, extra));
    if (created.status !== 201)
      throw new Error(`result: ${created.status} ${JSON.stringify(created.body)}`);
    const id = (created.body as { id: string }).id;
    await this.api().post(`/api/v1/results/${id}/submit`).set(bearer(institute)).expect(200);
    await this.api()
      .post(`/api/v1/admin/results/${id}/approve`)
      .set(bearer(this.people.admin))
      .expect(200);
    return id;
  }

  /** A timed session of the broker (or of `broker`) unless the body says otherwise. */
  async newSession(
    body: Record<string, unknown>,
    broker = this.people.broker,
  ): Promise<SessionView> {
    const response = await this.api()
      .post('/api/v1/sessions')
      .set(bearer(broker))
      .send({
        format: 'timed',
        depositAmount: 0,
        softCloseSeconds: 0,
        increments: LADDER,
        ...body,
      });
    if (response.status !== 201)
      throw new Error(`session: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as SessionView;
  }

  /** A lot of the result in the session, hosted by the broker (or by `broker`). */
  async newLot(
    sessionId: string,
    resultId: string,
    options: LotOptions,
    broker = this.people.broker,
  ): Promise<LotSummary> {
    const now = Date.now();
    const response = await this.api()
      .post(`/api/v1/sessions/${sessionId}/lots`)
      .set(bearer(broker))
      .send({
        resultId,
        mode: options.mode ?? 'assignment',
        startingPrice: options.startingPrice ?? 10_000_000,
        ...(options.reservePrice !== undefined ? { reservePrice: options.reservePrice } : {}),
        opensAt: new Date(now + options.opensInMs).toISOString(),
        closesAt: new Date(now + options.closesInMs).toISOString(),
      });
    if (response.status !== 201)
      throw new Error(`lot: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as LotSummary;
  }

  /** Registers each account in the session and has the host confirm its deposit. */
  async registerConfirmed(
    sessionId: string,
    accounts: Account[],
    broker = this.people.broker,
  ): Promise<RegistrationView[]> {
    const confirmed: RegistrationView[] = [];
    for (const account of accounts) {
      const registration = (
        await this.api()
          .post(`/api/v1/sessions/${sessionId}/registrations`)
          .set(bearer(account))
          .expect(201)
      ).body as RegistrationView;
      confirmed.push(
        (
          await this.api()
            .post(`/api/v1/registrations/${registration.id}/confirm-deposit`)
            .set(bearer(broker))
            .send({ reference: 'ICBC-0001' })
            .expect(200)
        ).body as RegistrationView,
      );
    }
    return confirmed;
  }

  /** `POST /lots/:id/bids` with a fresh bidId. */
  bid(account: Account, lotId: string, body: { amount: number; maxAmount?: number }) {
    return this.api()
      .post(`/api/v1/lots/${lotId}/bids`)
      .set(bearer(account))
      .send({ bidId: randomUUID(), ...body });
  }

  /** Waits until the lot's deal exists, which the close writes (the sweep runs twice a second). */
  async dealOf(lotId: string, party: Account, timeoutMs = 15_000): Promise<{ id: string }> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const deals = (await this.api().get('/api/v1/deals').set(bearer(party)).expect(200))
        .body as Array<{ id: string; lotId?: string }>;
      const deal = deals.find((item) => item.lotId === lotId);
      if (deal !== undefined) return deal;
      if (Date.now() > until) throw new Error(`no deal for lot ${lotId} after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
