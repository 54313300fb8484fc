/**
 * The notification centre against the real app and database (and Redis when set): what each
 * producer records and for whom (outbid, registration approved, demand matched, a favourite's lot
 * opening soon), the REST centre of one's own notifications, `notification:new` on the user's
 * socket, and the email outbox sent once — logged without SMTP_URL, and through a tiny SMTP server
 * with it, including a failure, its retry after the backoff, and giving up after five attempts.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { io, type Socket } from 'socket.io-client';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type {
  InvitationCreated,
  LoginResponse,
  NotificationNewEvent,
  NotificationView,
  Page,
  RegistrationView,
  UnreadCount,
} from '@kepai/contracts';
import { FavouriteLotOpeningSweep } from '@kepai/api-auctions';
import {
  EmailSender,
  MAILER,
  EMAIL_RETENTION_DAYS,
  MAX_ATTEMPTS,
  NOTIFICATION_RETENTION_DAYS,
  NotificationRetention,
  NotificationsService,
  retryDelayMs,
  type Mailer,
} from '@kepai/api-notifications';
import { startKepai, type KepaiServer } from '../src/app/server';
import {
  TEST_PASSWORD,
  registerAccount,
  signIn,
  uniqueEmail,
  type Account,
} from './support/accounts';
import { AuctionKit, bearer } from './support/auctions';
import { advanceClock, serverNow } from './support/clock';
import {
  DATABASE_URL,
  REDIS_URL,
  TARGET,
  freshDatabase,
  tempFolder,
  testConfig,
  type TestDatabase,
  type TestFolder,
} from './support/environment';
import { header, startSmtpServer, textBody, type TestSmtpServer } from './support/smtp';
import { startTestKepai, type TestKepai } from './support/test-kepai';

const DAY_MS = 24 * 60 * 60_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function eventually<T>(
  what: string,
  check: () => Promise<T | null | undefined | false>,
  timeoutMs = 10_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== null && value !== undefined && value !== false) return value;
    if (Date.now() > until) throw new Error(`timed out waiting until ${what}`);
    await sleep(50);
  }
}

interface OutboxRow {
  id: string;
  to_address: string;
  subject: string;
  body: string;
  notification_id: string | null;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  last_error: string | null;
  next_attempt_at: Date;
  sent_at: Date | null;
}

/** The people of a suite: an admin, an institute, a broker, and enterprises. */
interface People {
  admin: Account;
  institute: Account;
  broker: Account;
}

/** A second member of the account's organisation, signed in. */
async function memberOf(url: string, owner: Account): Promise<Account> {
  const invitation = (
    await request(url)
      .post(`/api/v1/organisations/${owner.user.organisation.id}/invitations`)
      .set(bearer(owner))
      .send({ email: uniqueEmail('member'), role: 'member' })
      .expect(201)
  ).body as InvitationCreated;
  const joined = (
    await request(url)
      .post('/api/v1/invitations/accept')
      .send({ token: invitation.token, displayName: '采购部 李工', password: TEST_PASSWORD })
      .expect(201)
  ).body as LoginResponse;
  return signIn(url, joined.user.email, TEST_PASSWORD);
}

/** Registers the account in a new session of the broker and has the host confirm the deposit. */
async function approvedIn(
  kit: AuctionKit,
  title: string,
  account: Account,
  depositAmount = 5_000_000,
): Promise<{ sessionId: string; registration: RegistrationView }> {
  const session = await kit.newSession({ title, depositAmount });
  const [registration] = await kit.registerConfirmed(session.id, [account]);
  return { sessionId: session.id, registration };
}

describe(`notifications on ${TARGET}`, () => {
  let kepai: TestKepai;
  let server: KepaiServer;
  let people: People;
  let kit: AuctionKit;
  /** alpha: an enterprise of two members; beta, gamma: enterprises of one. */
  let alpha: Account;
  let alphaMember: Account;
  let beta: Account;
  let gamma: Account;
  let dataSource: DataSource;
  let send: jest.Spied<Mailer['send']>;
  const sockets: Socket[] = [];
  const api = () => request(server.url);

  /** Every notification of `kind` in the database, as (user, payload). */
  async function recorded(
    kind: string,
    where = 'TRUE',
    params: unknown[] = [],
  ): Promise<Array<{ id: string; user_id: string; payload: Record<string, unknown> }>> {
    return dataSource.query(
      `SELECT id, user_id, payload FROM notification WHERE kind = $1 AND ${where} ORDER BY user_id`,
      [kind, ...params],
    );
  }

  async function list(account: Account, query = ''): Promise<Page<NotificationView>> {
    return (await api().get(`/api/v1/notifications${query}`).set(bearer(account)).expect(200))
      .body as Page<NotificationView>;
  }

  async function unread(account: Account): Promise<number> {
    return (
      (await api().get('/api/v1/notifications/unread-count').set(bearer(account)).expect(200))
        .body as UnreadCount
    ).unread;
  }

  function connect(account: Account): Promise<Socket> {
    const socket = io(`${server.url}/auction`, {
      auth: { token: account.token },
      transports: ['websocket'],
      reconnection: false,
    });
    sockets.push(socket);
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', reject);
    });
  }

  const ids = (...accounts: Account[]) => accounts.map((account) => account.user.id).sort();

  beforeAll(async () => {
    kepai = await startTestKepai('notifications', { env: { KEPAI_BID_RATE_LIMIT: '1000' } });
    server = kepai.server;
    dataSource = server.app.get(DataSource);
    // every email the log sender "sends", from the start (signing the admin in sends none)
    send = jest.spyOn(server.app.get<Mailer>(MAILER, { strict: false }), 'send');
    people = {
      admin: kepai.admin,
      institute: await kepai.verified('institute'),
      broker: await kepai.verified('brokerage'),
    };
    kit = new AuctionKit(server.url, people);
    alpha = await kepai.verified('enterprise');
    alphaMember = await memberOf(server.url, alpha);
    beta = await kepai.verified('enterprise');
    gamma = await kepai.verified('enterprise');
  });

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    send?.mockRestore();
    await kepai?.stop();
  });

  it('tells every member of an approved enterprise, and nobody else, with an email each', async () => {
    const { sessionId, registration } = await approvedIn(kit, '新材料春季专场', alpha);
    const rows = await recorded('registration_approved', `payload->>'sessionId' = $2`, [sessionId]);
    expect(rows.map((row) => row.user_id)).toEqual(ids(alpha, alphaMember));
    for (const row of rows)
      expect(row.payload).toEqual({
        sessionId,
        sessionTitle: '新材料春季专场',
        registrationId: registration.id,
        paddle: registration.paddle,
        depositAmount: 5_000_000,
      });
    // one notification for approval and deposit together: no second deposit_confirmed
    expect(await recorded('deposit_confirmed')).toEqual([]);
    const emails: OutboxRow[] = await dataSource.query(
      `SELECT * FROM email_outbox WHERE notification_id = ANY($1::uuid[]) ORDER BY to_address`,
      [rows.map((row) => row.id)],
    );
    expect(emails.map((email) => email.to_address)).toEqual(
      [alpha.email, alphaMember.email].sort(),
    );
    for (const email of emails) {
      expect(email.subject).toBe('【科拍】报名已通过：「新材料春季专场」');
      expect(email.body).toContain(
        `保证金 ¥50,000.00 已确认，您的牌号为 ${registration.paddle} 号`,
      );
      expect(email.body).toContain('Your registration to bid in "新材料春季专场" is approved');
    }
    const member = (await list(alphaMember)).items.find(
      (item) => item.payload['sessionId'] === sessionId,
    );
    expect(member).toMatchObject({ kind: 'registration_approved', readAt: null });
  });

  it("tells the former leader's members they were outbid, in-app only, and the new leader nothing", async () => {
    const session = await kit.newSession({ title: '出价提醒专场' });
    const resultId = await kit.publishedResult('一种高镍三元正极材料的制备方法');
    const lot = await kit.newLot(session.id, resultId, {
      opensInMs: -1_000,
      closesInMs: 3_600_000,
    });
    await kit.registerConfirmed(session.id, [alpha, beta]);
    await kit.bid(alpha, lot.id, { amount: 10_000_000 }).expect(201);
    await kit.bid(beta, lot.id, { amount: 10_500_000 }).expect(201);
    const alphaTold = await eventually('alpha is told it was outbid', async () => {
      const rows = await recorded('outbid', `payload->>'lotId' = $2`, [lot.id]);
      return rows.length === 2 ? rows : null;
    });
    expect(alphaTold.map((row) => row.user_id)).toEqual(ids(alpha, alphaMember));
    for (const row of alphaTold)
      expect(row.payload).toEqual({
        lotId: lot.id,
        resultTitle: '一种高镍三元正极材料的制备方法',
        price: 10_500_000,
        minNext: 11_000_000,
      });
    // too frequent for email
    const [{ emails }]: Array<{ emails: number }> = await dataSource.query(
      `SELECT count(*)::int AS emails FROM email_outbox WHERE notification_id = ANY($1::uuid[])`,
      [alphaTold.map((row) => row.id)],
    );
    expect(emails).toBe(0);

    // alpha takes the lead back: now beta, and only beta, is told
    await kit.bid(alpha, lot.id, { amount: 11_000_000 }).expect(201);
    const betaTold = await eventually('beta is told it was outbid', async () => {
      const rows = await recorded('outbid', `payload->>'lotId' = $2 AND user_id = $3`, [
        lot.id,
        beta.user.id,
      ]);
      return rows.length === 1 ? rows : null;
    });
    expect(betaTold[0].payload).toMatchObject({ price: 11_000_000, minNext: 11_500_000 });
    await sleep(300);
    const all = await recorded('outbid', `payload->>'lotId' = $2`, [lot.id]);
    expect(all.map((row) => row.user_id).sort()).toEqual(ids(alpha, alphaMember, beta));
    expect(all.filter((row) => row.user_id === gamma.user.id)).toEqual([]);
  });

  it("tells the demand's enterprise once when a broker links a result to it", async () => {
    const demandId = (
      await api()
        .post('/api/v1/demands')
        .set(bearer(alpha))
        .send({
          title: '寻求储能电池长寿命技术',
          description: '用于储能电站，循环寿命 6000 次以上。',
          field: 'energy',
        })
        .expect(201)
    ).body.id as string;
    const resultId = await kit.publishedResult('长寿命磷酸铁锂储能电池');
    const link = (note: string) =>
      api()
        .post(`/api/v1/demands/${demandId}/links`)
        .set(bearer(people.broker))
        .send({ resultId, note })
        .expect(201);
    await link('循环寿命满足要求');
    const rows = await recorded('demand_matched', `payload->>'demandId' = $2`, [demandId]);
    expect(rows.map((row) => row.user_id)).toEqual(ids(alpha, alphaMember));
    for (const row of rows)
      expect(row.payload).toEqual({
        demandId,
        demandTitle: '寻求储能电池长寿命技术',
        resultId,
        resultTitle: '长寿命磷酸铁锂储能电池',
        brokerName: people.broker.user.organisation.name,
      });
    // the same link with a new note is not news
    await link('已与成果方初步沟通');
    expect(await recorded('demand_matched', `payload->>'demandId' = $2`, [demandId])).toHaveLength(
      2,
    );
  });

  it('serves each user their own notifications, newest first by cursor, and marks them read', async () => {
    const delta = await kepai.verified('enterprise');
    for (const title of ['第一专场', '第二专场', '第三专场'])
      await approvedIn(kit, title, delta, 0);
    expect(await unread(delta)).toBe(3);

    const first = await list(delta, '?limit=2');
    expect(first.items.map((item) => item.payload['sessionTitle'])).toEqual([
      '第三专场',
      '第二专场',
    ]);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await list(delta, `?limit=2&cursor=${first.nextCursor}`);
    expect(second.items.map((item) => item.payload['sessionTitle'])).toEqual(['第一专场']);
    expect(second.nextCursor).toBeUndefined();
    const [newest, middle, oldest] = [...first.items, ...second.items];
    expect(newest.createdAt >= middle.createdAt && middle.createdAt >= oldest.createdAt).toBe(true);

    // nobody else sees them, reads them or marks them
    expect((await list(gamma)).items.map((item) => item.id)).not.toContain(middle.id);
    const refused = await api()
      .post(`/api/v1/notifications/${middle.id}/read`)
      .set(bearer(gamma))
      .expect(404);
    expect(refused.body.error.code).toBe('NOT_FOUND');
    await api().post('/api/v1/notifications/read-all').set(bearer(gamma)).expect(200);
    expect(await unread(delta)).toBe(3);

    const read = (
      await api().post(`/api/v1/notifications/${middle.id}/read`).set(bearer(delta)).expect(200)
    ).body as NotificationView;
    expect(read).toMatchObject({ id: middle.id, readAt: expect.any(String) });
    // reading it again keeps the first time
    const again = (
      await api().post(`/api/v1/notifications/${middle.id}/read`).set(bearer(delta)).expect(200)
    ).body as NotificationView;
    expect(again.readAt).toBe(read.readAt);
    expect(await unread(delta)).toBe(2);
    expect((await list(delta, '?unread=true')).items.map((item) => item.id)).toEqual([
      newest.id,
      oldest.id,
    ]);
    expect((await list(delta)).items.map((item) => item.id)).toEqual([
      newest.id,
      middle.id,
      oldest.id,
    ]);

    const all = (await api().post('/api/v1/notifications/read-all').set(bearer(delta)).expect(200))
      .body as UnreadCount;
    expect(all).toEqual({ unread: 0 });
    expect((await list(delta, '?unread=true')).items).toEqual([]);

    // bad input is refused with the envelope
    for (const query of ['?cursor=bm9wZQ', '?limit=0', '?unread=yes']) {
      const response = await api()
        .get(`/api/v1/notifications${query}`)
        .set(bearer(delta))
        .expect(400);
      expect(response.body.error.code).toBe('INVALID_INPUT');
    }
    await api().post('/api/v1/notifications/not-a-uuid/read').set(bearer(delta)).expect(400);
    await api().get('/api/v1/notifications').expect(401);
  });

  it("pushes notification:new with the unread count to the user's sockets only", async () => {
    const epsilon = await kepai.verified('enterprise');
    const mine = await connect(epsilon);
    const theirs = await connect(gamma);
    const received: NotificationNewEvent[] = [];
    const strayed: NotificationNewEvent[] = [];
    mine.on('notification:new', (event: NotificationNewEvent) => received.push(event));
    theirs.on('notification:new', (event: NotificationNewEvent) => strayed.push(event));

    const { sessionId } = await approvedIn(kit, '实时通知专场', epsilon);
    await eventually('the socket hears of the approval', async () => received.length === 1);
    expect(received[0]).toEqual({
      notification: {
        id: expect.any(String),
        kind: 'registration_approved',
        payload: expect.objectContaining({ sessionId, sessionTitle: '实时通知专场' }),
        readAt: null,
        createdAt: expect.any(String),
      },
      unread: 1,
    });
    await approvedIn(kit, '实时通知专场二', epsilon);
    await eventually('the socket hears of the second', async () => received.length === 2);
    expect(received[1].unread).toBe(2);
    expect((await list(epsilon)).items[0].id).toBe(received[1].notification.id);
    await sleep(200);
    expect(strayed).toEqual([]);
  });

  it('tells the followers of a result once when its lot opens within the hour, and nobody else', async () => {
    const sweep = server.app.get(FavouriteLotOpeningSweep, { strict: false });
    const soonResult = await kit.publishedResult('一种固态电解质薄膜');
    const laterResult = await kit.publishedResult('一种钠离子电池正极');
    const favourite = (account: Account, resultId: string) =>
      api().post(`/api/v1/results/${resultId}/favourite`).set(bearer(account)).expect(200);
    await favourite(alpha, soonResult);
    await favourite(gamma, soonResult);
    await favourite(beta, laterResult);
    const session = await kit.newSession({ title: '收藏开拍专场' });
    const soon = await kit.newLot(session.id, soonResult, {
      opensInMs: 30 * 60_000,
      closesInMs: 3 * 3_600_000,
    });
    const later = await kit.newLot(session.id, laterResult, {
      opensInMs: 2 * 3_600_000,
      closesInMs: 4 * 3_600_000,
    });

    await sweep.sweep();
    const told = await recorded('favourite_lot_opening');
    expect(told.map((row) => row.user_id)).toEqual(ids(alpha, gamma));
    for (const row of told)
      expect(row.payload).toEqual({
        lotId: soon.id,
        resultId: soonResult,
        resultTitle: '一种固态电解质薄膜',
        opensAt: soon.opensAt,
      });
    // a second sweep (this node's or another's) tells nobody again
    expect(await sweep.sweep()).toBe(0);
    expect(await recorded('favourite_lot_opening')).toHaveLength(2);

    // an hour and a quarter later the other lot is within the hour; the first has opened
    advanceClock(server, 75 * 60_000);
    expect(await sweep.sweep()).toBe(1);
    const laterTold = await recorded('favourite_lot_opening', `payload->>'lotId' = $2`, [later.id]);
    expect(laterTold.map((row) => row.user_id)).toEqual(ids(beta));
    expect(await recorded('favourite_lot_opening')).toHaveLength(3);
    const [email]: OutboxRow[] = await dataSource.query(
      `SELECT * FROM email_outbox WHERE notification_id = $1`,
      [laterTold[0].id],
    );
    expect(email.to_address).toBe(beta.email);
    expect(email.subject).toBe('【科拍】您收藏的成果即将开拍：「一种钠离子电池正极」');
  });

  it('sends every email of the outbox once through the log sender, however many sweeps run', async () => {
    const sender = server.app.get(EmailSender, { strict: false });
    const zeta = await kepai.verified('enterprise');
    await memberOf(server.url, zeta);
    await approvedIn(kit, '邮件发送专场', zeta);
    await Promise.all([sender.sweep(), sender.sweep(), sender.sweep()]);
    // each row of the outbox sent, and each by exactly one call of the mailer
    const sentOnce = async () => {
      const rows: OutboxRow[] = await dataSource.query(`SELECT * FROM email_outbox`);
      const sent = send.mock.calls.map(([email]) => `${email.to}|${email.subject}|${email.text}`);
      const expected = rows.map((row) => `${row.to_address}|${row.subject}|${row.body}`);
      return rows.every((row) => row.status === 'sent') &&
        JSON.stringify(sent.sort()) === JSON.stringify(expected.sort())
        ? rows
        : null;
    };
    const rows = await eventually('every email is sent once', sentOnce);
    await Promise.all([sender.sweep(), sender.sweep()]);
    expect(await sentOnce()).not.toBeNull();
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) {
      expect(row.attempts).toBe(1);
      expect(row.sent_at).not.toBeNull();
      expect(row.last_error).toBeNull();
    }
  });

  // last in this describe: it moves the server's clock half a year on
  it('deletes notifications and finished emails once past retention, and never an email still owed', async () => {
    const retention = server.app.get(NotificationRetention, { strict: false });
    const service = server.app.get(NotificationsService, { strict: false });
    const idsOf = async (sql: string): Promise<string[]> =>
      ((await dataSource.query(sql)) as Array<{ id: string }>).map((row) => row.id);
    const exists = async (table: 'notification' | 'email_outbox', ids: string[]) =>
      ((await dataSource.query(`SELECT id FROM ${table} WHERE id = ANY($1::uuid[])`, [ids])) as [])
        .length;
    const old = await idsOf(`SELECT id FROM notification`);
    const finished = await idsOf(`SELECT id FROM email_outbox WHERE status <> 'pending'`);
    expect(old.length).toBeGreaterThan(0);
    expect(finished.length).toBeGreaterThan(0);
    // an email still owed: written long ago, its next attempt not due for a year
    const now = serverNow(server).getTime();
    const owed = await idsOf(
      `INSERT INTO email_outbox (to_address, subject, body, status, attempts, next_attempt_at, created_at)
       VALUES ('owed@test.kepai.cn', '待发送', '正文', 'pending', 0,
               '${new Date(now + 400 * DAY_MS).toISOString()}', '${new Date(now - 400 * DAY_MS).toISOString()}')
       RETURNING id`,
    );

    expect(await retention.sweep()).toEqual({ notifications: 0, emails: 0 });

    advanceClock(server, (EMAIL_RETENTION_DAYS + 1) * DAY_MS);
    const recent = await dataSource.transaction((manager) =>
      service.notify(manager, {
        userIds: [alpha.user.id],
        kind: 'outbid',
        payload: { lotId: randomUUID(), resultTitle: '保留期测试', price: 100, minNext: 200 },
      }),
    );
    const recentIds = recent.notifications.map(({ notification }) => notification.id);
    const first = await retention.sweep();
    expect(first.notifications).toBe(0);
    expect(first.emails).toBeGreaterThanOrEqual(finished.length);
    expect(await exists('email_outbox', finished)).toBe(0);
    expect(await exists('notification', old)).toBe(old.length);

    advanceClock(server, (NOTIFICATION_RETENTION_DAYS - EMAIL_RETENTION_DAYS) * DAY_MS);
    const second = await retention.sweep();
    expect(second.notifications).toBeGreaterThanOrEqual(old.length);
    expect(await exists('notification', old)).toBe(0);
    expect(await exists('notification', recentIds)).toBe(1);
    expect(await exists('email_outbox', owed)).toBe(1);
  });
});

describe(`the email outbox through SMTP on ${TARGET}`, () => {
  let kepai: TestKepai;
  let smtp: TestSmtpServer;
  let server: KepaiServer;
  let kit: AuctionKit;
  let people: People;
  let dataSource: DataSource;
  let sender: EmailSender;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    kepai = await startTestKepai('smtp', {
      env: { SMTP_URL: smtp.url, KEPAI_MAIL_FROM: '科拍测试 <notice@kepai.test>' },
    });
    server = kepai.server;
    dataSource = server.app.get(DataSource);
    sender = server.app.get(EmailSender, { strict: false });
    people = {
      admin: kepai.admin,
      institute: await kepai.verified('institute'),
      broker: await kepai.verified('brokerage'),
    };
    kit = new AuctionKit(server.url, people);
  });

  afterAll(async () => {
    await kepai?.stop();
    await smtp?.close();
  });

  async function outboxOf(account: Account): Promise<OutboxRow> {
    const [row]: OutboxRow[] = await dataSource.query(
      `SELECT * FROM email_outbox WHERE to_address = $1`,
      [account.email],
    );
    return row;
  }

  const deliveredTo = (account: Account) =>
    smtp.messages.filter((mail) => mail.to.some((to) => to.includes(account.email)));

  it('sends through SMTP, tries a refused email again after its backoff, and sends it once', async () => {
    smtp.failNext = 1;
    const buyer = await kepai.verified('enterprise');
    await approvedIn(kit, '邮件重试专场', buyer);
    await sender.sweep();
    const failed = await eventually('the first attempt has failed', async () => {
      const row = await outboxOf(buyer);
      return row?.attempts === 1 && row.last_error !== null ? row : null;
    });
    expect(failed.status).toBe('pending');
    expect(failed.last_error).toContain('451');
    expect(deliveredTo(buyer)).toEqual([]);

    // not before the backoff: sweeps find nothing due
    expect(await sender.sweep()).toEqual({ sent: 0, failed: 0 });
    expect((await outboxOf(buyer)).attempts).toBe(1);

    advanceClock(server, retryDelayMs(1) + 1_000);
    await sender.sweep();
    const sent = await eventually('the retry is sent', async () => {
      const row = await outboxOf(buyer);
      return row.status === 'sent' ? row : null;
    });
    expect(sent.attempts).toBe(2);
    expect(sent.sent_at).not.toBeNull();
    await sender.sweep();
    const [mail, ...more] = deliveredTo(buyer);
    expect(more).toEqual([]);
    expect(mail.from).toContain('notice@kepai.test');
    expect(header(mail, 'From')).toBe('科拍测试 <notice@kepai.test>');
    expect(header(mail, 'Subject')).toBe('【科拍】报名已通过：「邮件重试专场」');
    expect(textBody(mail).replace(/\r\n/g, '\n')).toBe(sent.body);
    expect(textBody(mail)).toContain('Your registration to bid in "邮件重试专场" is approved');
  });

  it(`gives an email up as failed after ${MAX_ATTEMPTS} refused attempts`, async () => {
    smtp.failNext = 1_000;
    const buyer = await kepai.verified('enterprise');
    await approvedIn(kit, '邮件失败专场', buyer);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await sender.sweep();
      // done, not in flight: a claim leases the email for many minutes, a failure backs off less
      await eventually(`attempt ${attempt} has failed`, async () => {
        const row = await outboxOf(buyer);
        const wait = row.next_attempt_at.getTime() - serverNow(server).getTime();
        return (
          row.attempts === attempt &&
          row.last_error !== null &&
          (row.status === 'failed' || wait <= retryDelayMs(attempt))
        );
      });
      advanceClock(server, retryDelayMs(attempt) + 1_000);
    }
    const row = await outboxOf(buyer);
    expect(row.status).toBe('failed');
    expect(row.attempts).toBe(MAX_ATTEMPTS);
    expect(row.last_error).toContain('451');

    // a failed email stays failed, even once the server takes mail again
    smtp.failNext = 0;
    advanceClock(server, 3_600_000);
    await sender.sweep();
    expect(await outboxOf(buyer)).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
    expect(deliveredTo(buyer)).toEqual([]);
  });
});

const twoNodes = DATABASE_URL !== null && REDIS_URL !== null;
(twoNodes ? describe : describe.skip)('notifications across two api nodes', () => {
  let database: TestDatabase;
  let folder: TestFolder;
  let nodeA: KepaiServer;
  let nodeB: KepaiServer;
  let client: Socket | undefined;

  beforeAll(async () => {
    database = await freshDatabase();
    folder = tempFolder('notice-nodes');
    nodeA = await startKepai(testConfig(database, join(folder.path, 'a')));
    nodeB = await startKepai(testConfig(database, join(folder.path, 'b')));
  });

  afterAll(async () => {
    client?.disconnect();
    await nodeA?.stop();
    await nodeB?.stop();
    await database?.drop();
    folder?.remove();
  });

  it('announces on one node to the user connected to the other, and the two send each email once', async () => {
    const user = await registerAccount(nodeA.url, 'enterprise');
    client = io(`${nodeB.url}/auction`, {
      transports: ['websocket'],
      reconnection: false,
      auth: { token: user.token },
    });
    await new Promise<void>((resolve, reject) => {
      client?.once('connect', resolve);
      client?.once('connect_error', reject);
    });
    const heard: NotificationNewEvent[] = [];
    client.on('notification:new', (event: NotificationNewEvent) => heard.push(event));

    const notifications = nodeA.app.get(NotificationsService, { strict: false });
    const mailers = [nodeA, nodeB].map((node) =>
      jest.spyOn(node.app.get<Mailer>(MAILER, { strict: false }), 'send'),
    );
    const recorded = await nodeA.app.get(DataSource).transaction(async (manager) => {
      const all = [];
      for (let n = 1; n <= 30; n++)
        all.push(
          ...(
            await notifications.notify(manager, {
              userIds: [user.user.id],
              kind: 'deposit_refunded',
              payload: { sessionTitle: `退款专场 ${n}`, amount: n * 100 },
            })
          ).notifications,
        );
      return { notifications: all };
    });
    notifications.announce(recorded);
    await eventually('node B hears all 30 from node A', async () => heard.length === 30);
    expect(heard.map((event) => event.unread).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 30 }, () => 30),
    );

    const senders = [nodeA, nodeB].map((node) => node.app.get(EmailSender, { strict: false }));
    await Promise.all([...senders, ...senders].map((sender) => sender.sweep()));
    await eventually('every email is sent', async () => {
      const [{ pending }]: Array<{ pending: number }> = await nodeA.app
        .get(DataSource)
        .query(`SELECT count(*)::int AS pending FROM email_outbox WHERE status <> 'sent'`);
      return pending === 0;
    });
    const sent = mailers.flatMap((mailer) => mailer.mock.calls.map(([email]) => email.subject));
    expect(sent).toHaveLength(30);
    expect(new Set(sent).size).toBe(30);
    for (const mailer of mailers) mailer.mockRestore();
  });
});
