/**
 * Every route × every kind of caller, with the status each must get, against the real app and
 * database. The routes come from the OpenAPI document, so a route added without a row here fails
 * the first test: every later route joins this table.
 */
import { join } from 'node:path';
import request from 'supertest';
import type { InvitationCreated, LoginResponse } from '@kepai/contracts';
import { startKepai, type KepaiServer } from '../src/app/server';
import {
  TEST_PASSWORD,
  randomCreditCode,
  registerAccount,
  signIn,
  uniqueEmail,
  type Account,
} from './support/accounts';
import {
  TARGET,
  freshDatabase,
  tempFolder,
  testConfig,
  type TestDatabase,
  type TestFolder,
} from './support/environment';

const ACTORS = [
  'anonymous',
  'enterprise',
  'institute',
  'broker',
  'admin',
  'otherEnterprise',
] as const;
type ActorName = (typeof ACTORS)[number];
type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

interface World {
  url: string;
  accounts: Record<Exclude<ActorName, 'anonymous'>, Account>;
  /** The enterprise organisation whose objects the object-level rows target. */
  enterpriseOrganisationId: string;
}

interface Call {
  path: string;
  body?: unknown;
}

interface Row {
  /** Prepares the request for one caller; may create what the request needs. */
  call: (world: World, actor: ActorName) => Promise<Call> | Call;
  expect: Record<ActorName, number>;
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
      const account = world.accounts[actor === 'anonymous' ? 'enterprise' : actor];
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
      const password = actor === 'anonymous' ? 'whatever-password' : world.accounts[actor].password;
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
};

const ADMIN = { email: 'admin@matrix.test', password: 'Matrix-Operator-1' };

describe(`the authorization matrix on ${TARGET}`, () => {
  let database: TestDatabase;
  let folder: TestFolder;
  let server: KepaiServer;
  let world: World;

  beforeAll(async () => {
    database = await freshDatabase();
    folder = tempFolder('matrix');
    server = await startKepai(
      testConfig(database, join(folder.path, 'data'), {
        KEPAI_ADMIN_EMAIL: ADMIN.email,
        KEPAI_ADMIN_PASSWORD: ADMIN.password,
      }),
    );
    const admin = await signIn(server.url, ADMIN.email, ADMIN.password);
    const enterprise = await registerAccount(server.url, 'enterprise');
    const institute = await registerAccount(server.url, 'institute');
    const broker = await registerAccount(server.url, 'brokerage');
    // a member (not the owner) of another enterprise
    const otherOwner = await registerAccount(server.url, 'enterprise');
    const invitation = (
      await request(server.url)
        .post(`/api/v1/organisations/${otherOwner.user.organisation.id}/invitations`)
        .set('authorization', `Bearer ${otherOwner.token}`)
        .send({ email: uniqueEmail('other-member'), role: 'member' })
        .expect(201)
    ).body as InvitationCreated;
    const joined = (
      await request(server.url)
        .post('/api/v1/invitations/accept')
        .send({ token: invitation.token, displayName: 'other member', password: TEST_PASSWORD })
        .expect(201)
    ).body as LoginResponse;
    const otherEnterprise = await signIn(server.url, joined.user.email, TEST_PASSWORD);
    for (const account of [enterprise, institute, broker, otherOwner]) {
      await request(server.url)
        .post(`/api/v1/admin/organisations/${account.user.organisation.id}/verify`)
        .set('authorization', `Bearer ${admin.token}`)
        .expect(200);
    }
    world = {
      url: server.url,
      accounts: { enterprise, institute, broker, admin, otherEnterprise },
      enterpriseOrganisationId: enterprise.user.organisation.id,
    };
  });

  afterAll(async () => {
    await server?.stop();
    await database?.drop();
    folder?.remove();
  });

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
      const account = world.accounts[actor];
      const session = await signIn(world.url, account.email, account.password);
      pending = pending.set('authorization', `Bearer ${session.token}`);
    }
    if (call.body !== undefined) pending = pending.send(call.body as object);
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
