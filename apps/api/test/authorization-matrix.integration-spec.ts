/**
 * Every route × every kind of caller, with the status each must get, against the real app and
 * database. The routes come from the OpenAPI document, so a route added without a row here fails
 * the first test: every later route joins this table.
 */
import request from 'supertest';
import type { InvitationCreated, LoginResponse } from '@kepai/contracts';
import type { KepaiServer } from '../src/app/server';
import {
  TEST_PASSWORD,
  randomCreditCode,
  signIn,
  uniqueEmail,
  type Account,
} from './support/accounts';
import { TARGET } from './support/environment';
import { AuctionKit } from './support/auctions';
import { startTestKepai, type TestKepai } from './support/test-kepai';

/** `other` is a member of another organisation of the same type as the owner of the row's object. */
const ACTORS = ['anonymous', 'enterprise', 'institute', 'broker', 'admin', 'other'] as const;
type ActorName = (typeof ACTORS)[number];
type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

type Owner = 'enterprise' | 'institute' | 'broker';

interface World {
  url: string;
  accounts: Record<Exclude<ActorName, 'anonymous' | 'other'>, Account>;
  /** A member (not the owner) of a second organisation of each type. */
  others: Record<Owner, Account>;
  /** The enterprise organisation whose objects the object-level rows target. */
  enterpriseOrganisationId: string;
  /** A published result of the institute, a draft of it, and a demand of the enterprise. */
  publishedResultId: string;
  draftResultId: string;
  demandId: string;
  attachmentId: string;
  /** A session the broker hosts, with one lot. */
  sessionId: string;
  lotId: string;
  /** A deal the enterprise won from the institute in a session the broker hosted. */
  dealId: string;
  /** A published result of the institute offering use-first-pay-later and ordinary licences. */
  ufplResultId: string;
}

interface Call {
  path: string;
  body?: unknown;
  /** Sent as multipart/form-data in the field "file" instead of a JSON body. */
  file?: { name: string; bytes: Buffer };
}

const PDF = Buffer.from('%PDF-1.7\n%%EOF\n');

/** Attaches a file to a result of the institute (a draft, so the listing stays as it is). */
async function newAttachment(world: World, resultId = world.draftResultId): Promise<string> {
  const response = await request(world.url)
    .post(`/api/v1/results/${resultId}/attachments`)
    .set('authorization', `Bearer ${await instituteSession(world)}`)
    .attach('file', PDF, 'spec.pdf')
    .expect(201);
  return (response.body as { id: string }).id;
}

interface Row {
  /** Prepares the request for one caller; may create what the request needs. */
  call: (world: World, actor: ActorName) => Promise<Call> | Call;
  expect: Record<ActorName, number>;
  /** Whose object the row touches, which decides who `other` is; the enterprise by default. */
  owner?: Owner;
}

function accountOf(world: World, actor: Exclude<ActorName, 'anonymous'>, owner: Owner): Account {
  return actor === 'other' ? world.others[owner] : world.accounts[actor];
}

/** A fresh session of the institute's owner (other cells may have ended earlier ones). */
async function instituteSession(world: World): Promise<string> {
  return (
    await signIn(world.url, world.accounts.institute.email, world.accounts.institute.password)
  ).token;
}

async function newResult(
  world: World,
  then: 'draft' | 'pending_review' | 'published',
): Promise<string> {
  const token = await instituteSession(world);
  const created = await request(world.url)
    .post('/api/v1/results')
    .set('authorization', `Bearer ${token}`)
    .send(resultBody())
    .expect(201);
  const id = (created.body as { id: string }).id;
  if (then === 'draft') return id;
  await request(world.url)
    .post(`/api/v1/results/${id}/submit`)
    .set('authorization', `Bearer ${token}`)
    .expect(200);
  if (then === 'pending_review') return id;
  const admin = await signIn(world.url, world.accounts.admin.email, world.accounts.admin.password);
  await request(world.url)
    .post(`/api/v1/admin/results/${id}/approve`)
    .set('authorization', `Bearer ${admin.token}`)
    .expect(200);
  return id;
}

const SESSION_BODY = {
  title: '新材料专场拍卖会',
  format: 'timed',
  depositAmount: 5_000_000,
  softCloseSeconds: 300,
  increments: [
    [0, 100_000],
    [10_000_000, 500_000],
  ],
};

/** A session of its own: cells may have ended the account's earlier ones. */
async function freshSession(world: World, account: Account): Promise<string> {
  return (await signIn(world.url, account.email, account.password)).token;
}

/** A new session of the broker (each registration row needs a session nobody registered in). */
async function newSession(world: World): Promise<string> {
  const response = await request(world.url)
    .post('/api/v1/sessions')
    .set('authorization', `Bearer ${await freshSession(world, world.accounts.broker)}`)
    .send(SESSION_BODY)
    .expect(201);
  return (response.body as { id: string }).id;
}

async function newRegistration(world: World): Promise<string> {
  const sessionId = await newSession(world);
  const response = await request(world.url)
    .post(`/api/v1/sessions/${sessionId}/registrations`)
    .set('authorization', `Bearer ${await freshSession(world, world.accounts.enterprise)}`)
    .expect(201);
  return (response.body as { id: string }).id;
}

function lotBody(resultId: string) {
  const now = Date.now();
  return {
    resultId,
    mode: 'assignment',
    startingPrice: 10_000_000,
    reservePrice: 30_000_000,
    opensAt: new Date(now + 3600_000).toISOString(),
    closesAt: new Date(now + 7200_000).toISOString(),
  };
}

function resultBody() {
  return {
    title: '一种基于石墨烯的柔性锂电池负极材料',
    summary: '以石墨烯为骨架的硅碳负极，循环寿命提升 40%。',
    description: '本成果针对锂电池负极膨胀问题，提出石墨烯包覆纳米硅的制备方法，已完成中试验证。',
    field: 'materials',
    keywords: ['石墨烯', '锂电池', '负极材料'],
    patentNumbers: [],
    maturity: 'pilot',
    transactionModes: ['assignment', 'ordinary_licence'],
    askingPrice: 50_000_000,
    region: '湖北省武汉市',
  };
}

/** Expected statuses: `all(200)`, or `all(403, { admin: 200 })`. */
function all(
  status: number,
  except: Partial<Record<ActorName, number>> = {},
): Record<ActorName, number> {
  return Object.fromEntries(ACTORS.map((actor) => [actor, except[actor] ?? status])) as Record<
    ActorName,
    number
  >;
}

function registration() {
  return {
    email: uniqueEmail('matrix'),
    password: TEST_PASSWORD,
    displayName: 'matrix',
    organisation: {
      name: '矩阵测试机构',
      type: 'enterprise',
      creditCode: randomCreditCode(),
      region: '深圳市',
    },
  };
}

async function invitationToken(world: World): Promise<string> {
  // a fresh session: a password change in another cell ends the owner's other sessions
  const owner = await signIn(
    world.url,
    world.accounts.enterprise.email,
    world.accounts.enterprise.password,
  );
  const response = await request(world.url)
    .post(`/api/v1/organisations/${world.enterpriseOrganisationId}/invitations`)
    .set('authorization', `Bearer ${owner.token}`)
    .send({ email: uniqueEmail('invited'), role: 'member' });
  return (response.body as InvitationCreated).token;
}

const MATRIX: Record<string, Row> = {
  'GET /api/v1/health': { call: () => ({ path: '/api/v1/health' }), expect: all(200) },

  'POST /api/v1/auth/register': {
    call: () => ({ path: '/api/v1/auth/register', body: registration() }),
    expect: all(201),
  },
  'POST /api/v1/auth/login': {
    call: (world, actor) => {
      const account = accountOf(world, actor === 'anonymous' ? 'enterprise' : actor, 'enterprise');
      return {
        path: '/api/v1/auth/login',
        body: { email: account.email, password: account.password },
      };
    },
    expect: all(200),
  },
  'POST /api/v1/auth/logout': {
    call: () => ({ path: '/api/v1/auth/logout' }),
    expect: all(204, { anonymous: 401 }),
  },
  'GET /api/v1/me': { call: () => ({ path: '/api/v1/me' }), expect: all(200, { anonymous: 401 }) },
  'POST /api/v1/me/password': {
    call: (world, actor) => {
      const password =
        actor === 'anonymous'
          ? 'whatever-password'
          : accountOf(world, actor, 'enterprise').password;
      return {
        path: '/api/v1/me/password',
        body: { currentPassword: password, newPassword: password },
      };
    },
    expect: all(200, { anonymous: 401 }),
  },

  'GET /api/v1/organisations/{id}': {
    call: (world) => ({ path: `/api/v1/organisations/${world.enterpriseOrganisationId}` }),
    expect: all(200, { anonymous: 401 }),
  },
  'GET /api/v1/organisations/{id}/members': {
    call: (world) => ({ path: `/api/v1/organisations/${world.enterpriseOrganisationId}/members` }),
    expect: all(403, { anonymous: 401, enterprise: 200, admin: 200 }),
  },
  'PATCH /api/v1/organisations/{id}/members/{userId}': {
    call: (world) => ({
      path: `/api/v1/organisations/${world.enterpriseOrganisationId}/members/${world.accounts.enterprise.user.id}`,
      body: { role: 'owner' },
    }),
    expect: all(403, { anonymous: 401, enterprise: 200 }),
  },
  'POST /api/v1/organisations/{id}/invitations': {
    call: (world) => ({
      path: `/api/v1/organisations/${world.enterpriseOrganisationId}/invitations`,
      body: { email: uniqueEmail('invitee'), role: 'member' },
    }),
    expect: all(403, { anonymous: 401, enterprise: 201 }),
  },
  'GET /api/v1/organisations/{id}/invitations': {
    call: (world) => ({
      path: `/api/v1/organisations/${world.enterpriseOrganisationId}/invitations`,
    }),
    expect: all(403, { anonymous: 401, enterprise: 200 }),
  },
  'POST /api/v1/invitations/accept': {
    call: async (world) => ({
      path: '/api/v1/invitations/accept',
      body: { token: await invitationToken(world), displayName: 'joined', password: TEST_PASSWORD },
    }),
    expect: all(201),
  },

  'GET /api/v1/admin/organisations': {
    call: () => ({ path: '/api/v1/admin/organisations' }),
    expect: all(403, { anonymous: 401, admin: 200 }),
  },
  'POST /api/v1/admin/organisations/{id}/verify': {
    call: (world) => ({
      path: `/api/v1/admin/organisations/${world.enterpriseOrganisationId}/verify`,
    }),
    expect: all(403, { anonymous: 401, admin: 200 }),
  },
  'GET /api/v1/admin/audit-events': {
    call: () => ({ path: '/api/v1/admin/audit-events' }),
    expect: all(403, { anonymous: 401, admin: 200 }),
  },

  'GET /api/v1/results': {
    owner: 'institute',
    call: () => ({ path: '/api/v1/results' }),
    expect: all(403, { anonymous: 401, institute: 200, other: 200 }),
  },
  'POST /api/v1/results': {
    owner: 'institute',
    call: () => ({ path: '/api/v1/results', body: resultBody() }),
    expect: all(403, { anonymous: 401, institute: 201, other: 201 }),
  },
  'GET /api/v1/results/{id}': {
    owner: 'institute',
    call: (world) => ({ path: `/api/v1/results/${world.publishedResultId}` }),
    expect: all(200),
  },
  'PATCH /api/v1/results/{id}': {
    owner: 'institute',
    call: (world) => ({
      path: `/api/v1/results/${world.draftResultId}`,
      body: { summary: '修改后的摘要：循环寿命提升 45%。' },
    }),
    expect: all(403, { anonymous: 401, institute: 200 }),
  },
  'DELETE /api/v1/results/{id}': {
    owner: 'institute',
    call: async (world) => ({ path: `/api/v1/results/${await newResult(world, 'draft')}` }),
    expect: all(403, { anonymous: 401, institute: 200 }),
  },
  'POST /api/v1/results/{id}/submit': {
    owner: 'institute',
    call: async (world) => ({ path: `/api/v1/results/${await newResult(world, 'draft')}/submit` }),
    expect: all(403, { anonymous: 401, institute: 200 }),
  },
  'POST /api/v1/results/{id}/favourite': {
    owner: 'institute',
    call: (world) => ({ path: `/api/v1/results/${world.publishedResultId}/favourite` }),
    expect: all(200, { anonymous: 401 }),
  },
  'DELETE /api/v1/results/{id}/favourite': {
    owner: 'institute',
    call: (world) => ({ path: `/api/v1/results/${world.publishedResultId}/favourite` }),
    expect: all(200, { anonymous: 401 }),
  },
  'GET /api/v1/me/favourites': {
    call: () => ({ path: '/api/v1/me/favourites' }),
    expect: all(200, { anonymous: 401 }),
  },
  'GET /api/v1/results/{id}/similar': {
    owner: 'institute',
    call: (world) => ({ path: `/api/v1/results/${world.publishedResultId}/similar` }),
    expect: all(200),
  },
  'POST /api/v1/results/{id}/attachments': {
    owner: 'institute',
    call: (world) => ({
      path: `/api/v1/results/${world.draftResultId}/attachments`,
      file: { name: 'brochure.pdf', bytes: PDF },
    }),
    expect: all(403, { anonymous: 401, institute: 201 }),
  },
  'GET /api/v1/results/{id}/attachments/{attachmentId}': {
    owner: 'institute',
    call: (world) => ({
      path: `/api/v1/results/${world.publishedResultId}/attachments/${world.attachmentId}`,
    }),
    expect: all(200),
  },
  'DELETE /api/v1/results/{id}/attachments/{attachmentId}': {
    owner: 'institute',
    call: async (world) => ({
      path: `/api/v1/results/${world.draftResultId}/attachments/${await newAttachment(world)}`,
    }),
    expect: all(403, { anonymous: 401, institute: 204 }),
  },
  'GET /api/v1/admin/results': {
    call: () => ({ path: '/api/v1/admin/results' }),
    expect: all(403, { anonymous: 401, admin: 200 }),
  },
  'POST /api/v1/admin/results/{id}/approve': {
    owner: 'institute',
    call: async (world) => ({
      path: `/api/v1/admin/results/${await newResult(world, 'pending_review')}/approve`,
    }),
    expect: all(403, { anonymous: 401, admin: 200 }),
  },
  'POST /api/v1/admin/results/{id}/reject': {
    owner: 'institute',
    call: async (world) => ({
      path: `/api/v1/admin/results/${await newResult(world, 'pending_review')}/reject`,
      body: { reason: '专利号与权利人不符' },
    }),
    expect: all(403, { anonymous: 401, admin: 200 }),
  },
  'GET /api/v1/search/results': {
    call: () => ({ path: '/api/v1/search/results?q=石墨烯&field=materials' }),
    expect: all(200),
  },
  'GET /api/v1/search/suggest': {
    call: () => ({ path: '/api/v1/search/suggest?q=石墨' }),
    expect: all(200),
  },

  'GET /api/v1/demands': {
    call: () => ({ path: '/api/v1/demands' }),
    expect: all(200, { anonymous: 401, institute: 403 }),
  },
  'POST /api/v1/demands': {
    call: () => ({
      path: '/api/v1/demands',
      body: {
        title: '寻求高能量密度电池负极技术',
        description: '用于电动工具电池，要求循环寿命 1000 次以上。',
        field: 'materials',
        budget: 80_000_000,
      },
    }),
    expect: all(403, { anonymous: 401, enterprise: 201, other: 201 }),
  },
  'GET /api/v1/demands/{id}': {
    call: (world) => ({ path: `/api/v1/demands/${world.demandId}` }),
    expect: all(200, { anonymous: 401, institute: 403, other: 403 }),
  },
  'GET /api/v1/demands/{id}/matches': {
    call: (world) => ({ path: `/api/v1/demands/${world.demandId}/matches` }),
    expect: all(200, { anonymous: 401, institute: 403, other: 403 }),
  },
  'POST /api/v1/demands/{id}/links': {
    call: (world) => ({
      path: `/api/v1/demands/${world.demandId}/links`,
      body: { resultId: world.publishedResultId, note: '负极材料方向匹配' },
    }),
    expect: all(403, { anonymous: 401, broker: 201 }),
  },

  'POST /api/v1/sessions': {
    call: () => ({ path: '/api/v1/sessions', body: SESSION_BODY }),
    expect: all(403, { anonymous: 401, broker: 201, other: 201 }),
    owner: 'broker',
  },
  'GET /api/v1/sessions': {
    call: () => ({ path: '/api/v1/sessions' }),
    expect: all(200),
  },
  'GET /api/v1/sessions/{id}': {
    call: (world) => ({ path: `/api/v1/sessions/${world.sessionId}` }),
    expect: all(200),
  },
  'POST /api/v1/sessions/{id}/lots': {
    call: async (world) => ({
      path: `/api/v1/sessions/${world.sessionId}/lots`,
      body: lotBody(await newResult(world, 'published')),
    }),
    expect: all(403, { anonymous: 401, broker: 201 }),
    owner: 'broker',
  },
  'POST /api/v1/sessions/{id}/registrations': {
    call: async (world) => ({ path: `/api/v1/sessions/${await newSession(world)}/registrations` }),
    expect: all(403, { anonymous: 401, enterprise: 201, other: 201 }),
  },
  'GET /api/v1/sessions/{id}/registrations': {
    call: (world) => ({ path: `/api/v1/sessions/${world.sessionId}/registrations` }),
    expect: all(403, { anonymous: 401, broker: 200, enterprise: 200 }),
    owner: 'broker',
  },
  'POST /api/v1/registrations/{id}/confirm-deposit': {
    call: async (world) => ({
      path: `/api/v1/registrations/${await newRegistration(world)}/confirm-deposit`,
      body: { reference: 'BOC-20261122-001' },
    }),
    expect: all(403, { anonymous: 401, broker: 200 }),
    owner: 'broker',
  },
  'GET /api/v1/lots/{id}': {
    call: (world) => ({ path: `/api/v1/lots/${world.lotId}` }),
    expect: all(200),
  },
  'GET /api/v1/lots/{id}/bids': {
    call: (world) => ({ path: `/api/v1/lots/${world.lotId}/bids?afterSeq=0` }),
    expect: all(200),
  },
  'GET /api/v1/lots': {
    call: () => ({ path: '/api/v1/lots?status=upcoming&limit=10' }),
    expect: all(200),
  },
  'GET /api/v1/me/registrations': {
    call: () => ({ path: '/api/v1/me/registrations' }),
    expect: all(403, { anonymous: 401, enterprise: 200, other: 200 }),
  },
  'GET /api/v1/me/bids': {
    call: () => ({ path: '/api/v1/me/bids?limit=10' }),
    expect: all(403, { anonymous: 401, enterprise: 200, other: 200 }),
  },
  'GET /api/v1/deals': {
    call: () => ({ path: '/api/v1/deals' }),
    expect: all(200, { anonymous: 401 }),
  },
  // the buyer (enterprise), the seller (institute), the host (broker) and admins see the deal; to
  // a member of another enterprise it does not exist
  'GET /api/v1/deals/{id}': {
    call: (world) => ({ path: `/api/v1/deals/${world.dealId}` }),
    expect: all(200, { anonymous: 401, other: 404 }),
  },
  // the deal lifecycle: each cell gets a direct deal of its own, in the status the route needs,
  // requested by the enterprise from the institute with the broker named; those who see a deal but
  // may not make the change get 403, others 404
  'POST /api/v1/deals': {
    call: (world) => ({
      path: '/api/v1/deals',
      body: { resultId: world.ufplResultId, mode: 'ordinary_licence' },
    }),
    expect: all(403, { anonymous: 401, enterprise: 201, other: 201 }),
  },
  'POST /api/v1/deals/{id}/accept': {
    call: async (world, actor) => ({
      path: `/api/v1/deals/${await directDeal(world, actor, 'requested')}/accept`,
    }),
    expect: all(403, { anonymous: 401, institute: 200, other: 404 }),
  },
  'POST /api/v1/deals/{id}/decline': {
    call: async (world, actor) => ({
      path: `/api/v1/deals/${await directDeal(world, actor, 'requested')}/decline`,
      body: { reason: '价格未达预期' },
    }),
    expect: all(403, { anonymous: 401, institute: 200, other: 404 }),
  },
  'POST /api/v1/deals/{id}/notes': {
    call: async (world, actor) => ({
      path: `/api/v1/deals/${await directDeal(world, actor, 'requested')}/notes`,
      body: { note: '约定下周面谈' },
    }),
    expect: all(201, { anonymous: 401, admin: 403, other: 404 }),
  },
  'POST /api/v1/deals/{id}/start-use': {
    call: async (world, actor) => ({
      path: `/api/v1/deals/${await directDeal(world, actor, 'signed')}/start-use`,
    }),
    expect: all(403, { anonymous: 401, enterprise: 200, other: 404 }),
  },
  'POST /api/v1/deals/{id}/evidence': {
    call: async (world, actor) => ({
      path: `/api/v1/deals/${await directDeal(world, actor, 'in_use')}/evidence`,
      body: { criterionIndex: 0, text: '第三方检测报告' },
    }),
    expect: all(403, { anonymous: 401, enterprise: 201, other: 404 }),
  },
  'POST /api/v1/deals/{id}/outcome': {
    call: async (world, actor) => ({
      path: `/api/v1/deals/${await directDeal(world, actor, 'outcome_pending')}/outcome`,
      body: { outcome: 'achieved' },
    }),
    expect: all(403, { anonymous: 401, enterprise: 200, institute: 200, other: 404 }),
  },
  // the deal has a broker, so the broker decides (an admin only where there is none)
  'POST /api/v1/deals/{id}/decision': {
    call: async (world, actor) => ({
      path: `/api/v1/deals/${await directDeal(world, actor, 'disputed')}/decision`,
      body: { outcome: 'achieved', reason: '检测报告证明两项指标均已达成' },
    }),
    expect: all(403, { anonymous: 401, broker: 200, other: 404 }),
  },
  'POST /api/v1/deals/{id}/payments': {
    call: async (world, actor) => ({
      path: `/api/v1/deals/${await directDeal(world, actor, 'awaiting_payment')}/payments`,
      body: { amount: 100_000, reference: 'ICBC-20261203-01' },
    }),
    expect: all(403, { anonymous: 401, institute: 201, admin: 201, other: 404 }),
  },
  // the confirmation of sale goes to exactly those who see the deal (the confirmation suite reads
  // the PDF itself)
  'GET /api/v1/deals/{id}/confirmation.pdf': {
    call: (world) => ({ path: `/api/v1/deals/${world.dealId}/confirmation.pdf` }),
    expect: all(200, { anonymous: 401, other: 404 }),
  },
  'GET /api/v1/stats/overview': {
    call: () => ({ path: '/api/v1/stats/overview' }),
    expect: all(200),
  },
  // nobody in the matrix is registered for the session: enterprises get NOT_REGISTERED (403);
  // the bidding suite covers registered bidders
  'POST /api/v1/lots/{id}/bids': {
    call: (world) => ({
      path: `/api/v1/lots/${world.lotId}/bids`,
      body: { bidId: crypto.randomUUID(), amount: 10_000_000 },
    }),
    expect: all(403, { anonymous: 401 }),
  },

  // every signed-in user has a notification centre of their own; another's notification does not
  // exist for them (the enterprise owner was told of its approval for the deal's session)
  'GET /api/v1/notifications': {
    call: () => ({ path: '/api/v1/notifications?unread=true&limit=5' }),
    expect: all(200, { anonymous: 401 }),
  },
  'GET /api/v1/notifications/unread-count': {
    call: () => ({ path: '/api/v1/notifications/unread-count' }),
    expect: all(200, { anonymous: 401 }),
  },
  'POST /api/v1/notifications/read-all': {
    call: () => ({ path: '/api/v1/notifications/read-all' }),
    expect: all(200, { anonymous: 401 }),
  },
  'POST /api/v1/notifications/{id}/read': {
    call: async (world) => ({
      path: `/api/v1/notifications/${await enterpriseNotification(world)}/read`,
    }),
    expect: all(404, { anonymous: 401, enterprise: 200 }),
  },
};

/** A notification of the enterprise's owner. */
async function enterpriseNotification(world: World): Promise<string> {
  const owner = await freshSession(world, world.accounts.enterprise);
  const page = (
    await request(world.url)
      .get('/api/v1/notifications?limit=1')
      .set('authorization', `Bearer ${owner}`)
      .expect(200)
  ).body as { items: Array<{ id: string }> };
  if (page.items.length === 0) throw new Error('the enterprise has no notification');
  return page.items[0].id;
}

type DealStage =
  'requested' | 'awaiting_payment' | 'signed' | 'in_use' | 'outcome_pending' | 'disputed';

/**
 * A direct deal of the enterprise with the institute (the broker named), brought to `stage`
 * through the api. Anonymous cells are refused before any lookup: they get an id of nothing.
 */
async function directDeal(world: World, actor: ActorName, stage: DealStage): Promise<string> {
  if (actor === 'anonymous') return crypto.randomUUID();
  const enterprise = await freshSession(world, world.accounts.enterprise);
  const institute = await instituteSession(world);
  const post = async (token: string, path: string, body: object = {}) => {
    const response = await request(world.url)
      .post(`/api/v1${path}`)
      .set('authorization', `Bearer ${token}`)
      .send(body);
    if (response.status >= 300)
      throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as { id: string };
  };
  const ufpl = stage !== 'requested' && stage !== 'awaiting_payment';
  const { id } = await post(enterprise, '/deals', {
    resultId: world.ufplResultId,
    mode: ufpl ? 'use_first_pay_later' : 'ordinary_licence',
    brokerId: world.accounts.broker.user.organisation.id,
  });
  if (stage === 'requested') return id;
  await post(institute, `/deals/${id}/accept`);
  if (stage === 'awaiting_payment' || stage === 'signed') return id;
  await post(enterprise, `/deals/${id}/start-use`);
  if (stage === 'in_use') return id;
  await post(enterprise, `/deals/${id}/evidence`, { criterionIndex: 0, text: '检测报告' });
  if (stage === 'outcome_pending') return id;
  await post(enterprise, `/deals/${id}/outcome`, { outcome: 'not_achieved', agree: false });
  return id;
}

describe(`the authorization matrix on ${TARGET}`, () => {
  let kepai: TestKepai;
  let server: KepaiServer;
  let world: World;

  beforeAll(async () => {
    kepai = await startTestKepai('matrix');
    server = kepai.server;
    const admin = kepai.admin;
    const enterprise = await kepai.verified('enterprise');
    const institute = await kepai.verified('institute');
    const broker = await kepai.verified('brokerage');
    /** A member (not the owner) of a second, verified organisation of the type. */
    const memberOfAnother = async (
      type: 'enterprise' | 'institute' | 'brokerage',
    ): Promise<Account> => {
      const owner = await kepai.verified(type);
      const invitation = (
        await request(server.url)
          .post(`/api/v1/organisations/${owner.user.organisation.id}/invitations`)
          .set('authorization', `Bearer ${owner.token}`)
          .send({ email: uniqueEmail(`other-${type}`), role: 'member' })
          .expect(201)
      ).body as InvitationCreated;
      const joined = (
        await request(server.url)
          .post('/api/v1/invitations/accept')
          .send({ token: invitation.token, displayName: 'other member', password: TEST_PASSWORD })
          .expect(201)
      ).body as LoginResponse;
      return signIn(server.url, joined.user.email, TEST_PASSWORD);
    };
    world = {
      url: server.url,
      accounts: { enterprise, institute, broker, admin },
      others: {
        enterprise: await memberOfAnother('enterprise'),
        institute: await memberOfAnother('institute'),
        broker: await memberOfAnother('brokerage'),
      },
      enterpriseOrganisationId: enterprise.user.organisation.id,
      publishedResultId: '',
      draftResultId: '',
      demandId: '',
      attachmentId: '',
      sessionId: '',
      lotId: '',
      dealId: '',
      ufplResultId: '',
    };
    // a published result that already carries a file (files change only through review)
    const listed = await newResult(world, 'draft');
    world.attachmentId = await newAttachment(world, listed);
    const session = await instituteSession(world);
    await request(server.url)
      .post(`/api/v1/results/${listed}/submit`)
      .set('authorization', `Bearer ${session}`)
      .expect(200);
    await request(server.url)
      .post(`/api/v1/admin/results/${listed}/approve`)
      .set('authorization', `Bearer ${admin.token}`)
      .expect(200);
    world.publishedResultId = listed;
    world.draftResultId = await newResult(world, 'draft');
    world.demandId = (
      await request(server.url)
        .post('/api/v1/demands')
        .set('authorization', `Bearer ${enterprise.token}`)
        .send({
          title: '寻求石墨烯电池技术',
          description: '用于储能电站的长寿命电池方案。',
          field: 'energy',
        })
        .expect(201)
    ).body.id as string;
    world.sessionId = await newSession(world);
    world.lotId = (
      await request(server.url)
        .post(`/api/v1/sessions/${world.sessionId}/lots`)
        .set('authorization', `Bearer ${broker.token}`)
        .send(lotBody(await newResult(world, 'published')))
        .expect(201)
    ).body.id as string;
    // a lot the enterprise wins: it closes a few seconds from now and the close makes the deal
    const kit = new AuctionKit(server.url, { admin, institute, broker });
    const dealSession = await kit.newSession({ title: '成交可见性专场' });
    const dealLot = await kit.newLot(dealSession.id, await newResult(world, 'published'), {
      opensInMs: -1_000,
      closesInMs: 3_000,
    });
    await kit.registerConfirmed(dealSession.id, [enterprise]);
    await kit.bid(enterprise, dealLot.id, { amount: 10_000_000 }).expect(201);
    world.dealId = (await kit.dealOf(dealLot.id, enterprise)).id;
    world.ufplResultId = await kit.publishedResult('一种动力电池健康度在线评估方法', {
      transactionModes: ['use_first_pay_later', 'ordinary_licence'],
      ufplTerms: {
        termMonths: 12,
        criteria: ['良率达到 95%'],
        fee: 2_000_000,
        paymentWindowDays: 30,
      },
    });
  });

  afterAll(() => kepai?.stop());

  it('has a row for every route of the api, and no row for a route that does not exist', async () => {
    const document = (await request(server.url).get('/api/docs/openapi.json').expect(200)).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const routes = Object.entries(document.paths)
      .flatMap(([path, operations]) =>
        Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
      )
      .sort();
    expect(Object.keys(MATRIX).sort()).toEqual(routes);
  });

  const cells = Object.entries(MATRIX).flatMap(([route, row]) =>
    ACTORS.map((actor) => [route, actor, row.expect[actor]] as const),
  );

  it.each(cells)('%s as %s → %i', async (route, actor, expected) => {
    const [method] = route.split(' ') as [Method, string];
    const call = await MATRIX[route].call(world, actor);
    let pending = request(world.url)[
      method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete'
    ](call.path);
    if (actor !== 'anonymous') {
      // a session of its own for each cell, so that logout or a password change in one cell
      // cannot end the session another cell uses
      const account = accountOf(world, actor, MATRIX[route].owner ?? 'enterprise');
      const session = await signIn(world.url, account.email, account.password);
      pending = pending.set('authorization', `Bearer ${session.token}`);
    }
    if (call.file !== undefined) pending = pending.attach('file', call.file.bytes, call.file.name);
    else if (call.body !== undefined) pending = pending.send(call.body as object);
    const response = await pending;
    if (response.status !== expected) {
      throw new Error(
        `${route} as ${actor}: expected ${expected}, got ${response.status} ${JSON.stringify(response.body)}`,
      );
    }
    if (response.status >= 400) {
      expect(response.body).toEqual({
        error: { code: expect.any(String), message: expect.any(String) },
      });
    }
  });
});
