import request from 'supertest';
import { io } from 'socket.io-client';
import { DataSource } from 'typeorm';
import type {
  InvitationCreated,
  LoginResponse,
  MemberView,
  OrganisationDetail,
  Page,
  AuditEventView,
} from '@kepai/contracts';
import type { KepaiServer } from '../src/app/server';
import {
  TEST_PASSWORD,
  randomCreditCode,
  registerAccount,
  signIn,
  uniqueEmail,
  type Account,
} from './support/accounts';
import { TARGET } from './support/environment';
import { startTestKepai, type TestKepai } from './support/test-kepai';

const ADMIN = { email: 'admin@identity.test', password: 'identity admin pass 1' };

describe(`identity and access on ${TARGET}`, () => {
  let kepai: TestKepai;
  let server: KepaiServer;
  let admin: Account;
  let api: () => ReturnType<typeof request>;

  beforeAll(async () => {
    kepai = await startTestKepai('identity', { admin: ADMIN });
    ({ server, admin } = kepai);
    api = () => request(server.url);
  });

  afterAll(() => kepai?.stop());

  const sql = <T = Record<string, unknown>>(
    query: string,
    parameters: unknown[] = [],
  ): Promise<T[]> => server.app.get(DataSource).query(query, parameters);

  function registration(
    overrides: Record<string, unknown> = {},
    organisation: Record<string, unknown> = {},
  ) {
    return {
      email: uniqueEmail('reg'),
      password: TEST_PASSWORD,
      displayName: '测试用户',
      organisation: {
        name: '测试研究院',
        type: 'institute',
        creditCode: randomCreditCode(),
        region: '北京市',
        ...organisation,
      },
      ...overrides,
    };
  }

  describe('registration', () => {
    it('creates an unverified organisation and its owner, signs in with a token and two cookies', async () => {
      const body = registration();
      const response = await api().post('/api/v1/auth/register').send(body).expect(201);
      const answer = response.body as LoginResponse;
      expect(answer.user).toEqual({
        id: expect.any(String),
        email: body.email,
        displayName: '测试用户',
        role: 'owner',
        organisation: {
          id: expect.any(String),
          type: 'institute',
          name: '测试研究院',
          region: '北京市',
          verified: false,
        },
      });
      expect(answer.token).toMatch(/^[\w-]{43}$/);
      expect(JSON.stringify(response.body)).not.toMatch(/password|hash|creditCode/i);
      const cookies = (response.headers['set-cookie'] as unknown as string[]).join('\n');
      expect(cookies).toMatch(/kepai_session=[\w-]+;.*HttpOnly/);
      expect(cookies).toMatch(/csrf=[\w-]+;/);
      expect(cookies).toMatch(/SameSite=Lax/);
      expect(cookies.split('\n').find((cookie) => cookie.startsWith('csrf='))).not.toMatch(
        /HttpOnly/,
      );
    });

    it.each([
      [
        'verified: true on the organisation',
        registration({}, { verified: true }),
        /^property organisation\.verified should not exist$/,
      ],
      [
        'role: admin on the user',
        registration({ role: 'admin' }),
        /property role should not exist/,
      ],
      [
        'an organisation of type platform',
        registration({}, { type: 'platform' }),
        /^organisation\.type must be one of institute, enterprise, brokerage$/,
      ],
    ])('refuses mass assignment: %s, and creates nothing', async (_, body, message) => {
      const before = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM organisation`);
      const response = await api().post('/api/v1/auth/register').send(body).expect(400);
      expect(response.body.error.code).toBe('INVALID_INPUT');
      expect(response.body.error.message).toMatch(message);
      const after = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM organisation`);
      expect(after[0].n).toBe(before[0].n);
    });

    it('refuses a credit code whose check character is wrong', async () => {
      const code = randomCreditCode();
      const wrong = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
      const response = await api()
        .post('/api/v1/auth/register')
        .send(registration({}, { creditCode: wrong }))
        .expect(400);
      expect(response.body.error.message).toMatch(
        /creditCode must be an 18-character unified social credit code/,
      );
    });

    it('refuses a taken email or credit code with a conflict', async () => {
      const first = registration();
      await api().post('/api/v1/auth/register').send(first).expect(201);
      const sameEmail = await api()
        .post('/api/v1/auth/register')
        .send(registration({ email: first.email.toUpperCase() }))
        .expect(409);
      expect(sameEmail.body.error.code).toBe('EMAIL_TAKEN');
      const sameCode = await api()
        .post('/api/v1/auth/register')
        .send(registration({}, { creditCode: first.organisation.creditCode }))
        .expect(409);
      expect(sameCode.body.error.code).toBe('CREDIT_CODE_TAKEN');
    });

    it('gives one of two racing registrations for one email the account, the other a conflict', async () => {
      const body = registration();
      const other = registration({ email: body.email });
      const statuses = (
        await Promise.all([
          api().post('/api/v1/auth/register').send(body),
          api().post('/api/v1/auth/register').send(other),
        ])
      ).map((response) => response.status);
      expect(statuses.sort()).toEqual([201, 409]);
    });

    it.each([
      ['too short', 'Short-1!'],
      ['commonly leaked', 'password123'],
      ['commonly leaked, any case', 'QWERTYUIOP'],
    ])('refuses a %s password', async (_, password) => {
      const response = await api()
        .post('/api/v1/auth/register')
        .send(registration({ password }))
        .expect(400);
      expect(response.body.error.code).toBe('WEAK_PASSWORD');
    });
  });

  describe('sign-in', () => {
    it('answers an unknown email and a wrong password the same way', async () => {
      const account = await registerAccount(server.url, 'enterprise');
      const wrongPassword = await api()
        .post('/api/v1/auth/login')
        .send({ email: account.email, password: 'not the password' })
        .expect(401);
      const unknownEmail = await api()
        .post('/api/v1/auth/login')
        .send({ email: uniqueEmail('nobody'), password: 'not the password' })
        .expect(401);
      expect(wrongPassword.body).toEqual(unknownEmail.body);
      expect(wrongPassword.body).toEqual({
        error: { code: 'UNAUTHENTICATED', message: 'Email or password is incorrect' },
      });
    });

    it('makes an email wait after repeated failures, known or not, and forgets them after a success', async () => {
      const account = await registerAccount(server.url, 'enterprise');
      for (const email of [account.email, uniqueEmail('ghost')]) {
        for (let i = 0; i < 3; i++)
          await api()
            .post('/api/v1/auth/login')
            .send({ email, password: `wrong ${i}` })
            .expect(401);
        const throttled = await api()
          .post('/api/v1/auth/login')
          .send({ email, password: account.password })
          .expect(429);
        expect(throttled.body.error).toEqual({
          code: 'RATE_LIMITED',
          message: expect.stringMatching(
            /^Too many failed sign-ins for this email; try again in \d+ s$/,
          ),
        });
      }
      // the wait of the real account is over after a second; the right password then works and clears the count
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      await api()
        .post('/api/v1/auth/login')
        .send({ email: account.email, password: account.password })
        .expect(200);
      await api()
        .post('/api/v1/auth/login')
        .send({ email: account.email, password: 'wrong again' })
        .expect(401);
      await api()
        .post('/api/v1/auth/login')
        .send({ email: account.email, password: account.password })
        .expect(200);
    });
  });

  describe('review findings', () => {
    it('does not let a burst of parallel guesses through one open window', async () => {
      const account = await registerAccount(server.url, 'enterprise');
      for (let i = 0; i < 3; i++)
        await api()
          .post('/api/v1/auth/login')
          .send({ email: account.email, password: `wrong ${i}` })
          .expect(401);
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      const burst = await Promise.all(
        Array.from({ length: 5 }, (_, i) =>
          api()
            .post('/api/v1/auth/login')
            .send({ email: account.email, password: `guess ${i}` }),
        ),
      );
      const statuses = burst.map((response) => response.status).sort();
      expect(statuses).toEqual([401, 429, 429, 429, 429]);
    });

    it('refuses a form-encoded sign-in, so another site cannot sign a browser in (login CSRF)', async () => {
      const account = await registerAccount(server.url, 'enterprise');
      const response = await api()
        .post('/api/v1/auth/login')
        .type('form')
        .send(
          `email=${encodeURIComponent(account.email)}&password=${encodeURIComponent(account.password)}`,
        )
        .expect(400);
      expect(response.headers['set-cookie']).toBeUndefined();
    });

    it('voids invitations sent by an owner who has since been demoted', async () => {
      const first = await registerAccount(server.url, 'institute');
      const organisationId = first.user.organisation.id;
      const invite = async (token: string, email: string, role: 'owner' | 'member') =>
        (
          await api()
            .post(`/api/v1/organisations/${organisationId}/invitations`)
            .set('authorization', `Bearer ${token}`)
            .send({ email, role })
            .expect(201)
        ).body as InvitationCreated;
      const second = (
        await api()
          .post('/api/v1/invitations/accept')
          .send({
            token: (await invite(first.token, uniqueEmail('second'), 'owner')).token,
            displayName: 'second owner',
            password: TEST_PASSWORD,
          })
          .expect(201)
      ).body as LoginResponse;
      const planted = await invite(second.token, uniqueEmail('planted'), 'owner');
      await api()
        .patch(`/api/v1/organisations/${organisationId}/members/${second.user.id}`)
        .set('authorization', `Bearer ${first.token}`)
        .send({ role: 'member' })
        .expect(200);
      const refused = await api()
        .post('/api/v1/invitations/accept')
        .send({ token: planted.token, displayName: 'planted', password: TEST_PASSWORD })
        .expect(410);
      expect(refused.body.error.code).toBe('INVITATION_INVALID');
      // and the demoted owner's session can no longer change roles
      await api()
        .patch(`/api/v1/organisations/${organisationId}/members/${first.user.id}`)
        .set('authorization', `Bearer ${second.token}`)
        .send({ role: 'member' })
        .expect(403);
    });
  });

  describe('sessions', () => {
    it('gives /me by bearer token and by cookie, without private fields', async () => {
      const account = await registerAccount(server.url, 'brokerage');
      const byToken = await api()
        .get('/api/v1/me')
        .set('authorization', `Bearer ${account.token}`)
        .expect(200);
      const byCookie = await api()
        .get('/api/v1/me')
        .set('cookie', account.cookies.join('; '))
        .expect(200);
      expect(byCookie.body).toEqual(byToken.body);
      expect(byToken.body).toMatchObject({
        email: account.email,
        role: 'owner',
        organisation: { type: 'brokerage', verified: false },
      });
      expect(JSON.stringify(byToken.body)).not.toMatch(/hash|creditCode/i);
    });

    it('refuses /me without a session, and with a made-up token', async () => {
      expect((await api().get('/api/v1/me').expect(401)).body.error.code).toBe('UNAUTHENTICATED');
      await api()
        .get('/api/v1/me')
        .set('authorization', 'Bearer forged-token-forged-token-forged-token-1234')
        .expect(401);
    });

    it('ends the session at logout: the token and the cookie stop working at once', async () => {
      const account = await registerAccount(server.url, 'enterprise');
      await api()
        .post('/api/v1/auth/logout')
        .set('authorization', `Bearer ${account.token}`)
        .expect(204);
      await api().get('/api/v1/me').set('authorization', `Bearer ${account.token}`).expect(401);
      await api().get('/api/v1/me').set('cookie', account.cookies.join('; ')).expect(401);
    });

    it('ends every other session on a password change and keeps the current one', async () => {
      const account = await registerAccount(server.url, 'institute');
      const laptop = await signIn(server.url, account.email, account.password);
      const phone = await signIn(server.url, account.email, account.password);
      const newPassword = 'Another-Strong-Pass-88';
      const response = await api()
        .post('/api/v1/me/password')
        .set('authorization', `Bearer ${laptop.token}`)
        .send({ currentPassword: account.password, newPassword })
        .expect(200);
      expect(response.body).toEqual({ revokedSessions: 2 });
      await api().get('/api/v1/me').set('authorization', `Bearer ${laptop.token}`).expect(200);
      await api().get('/api/v1/me').set('authorization', `Bearer ${phone.token}`).expect(401);
      await api().get('/api/v1/me').set('authorization', `Bearer ${account.token}`).expect(401);
      await api()
        .post('/api/v1/auth/login')
        .send({ email: account.email, password: account.password })
        .expect(401);
      await api()
        .post('/api/v1/auth/login')
        .send({ email: account.email, password: newPassword })
        .expect(200);
    });

    it('refuses a password change with the wrong current password', async () => {
      const account = await registerAccount(server.url, 'institute');
      const response = await api()
        .post('/api/v1/me/password')
        .set('authorization', `Bearer ${account.token}`)
        .send({ currentPassword: 'not my password', newPassword: 'Another-Strong-Pass-88' })
        .expect(401);
      expect(response.body.error.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('CSRF', () => {
    it('refuses a state-changing cookie request without the x-csrf-token header', async () => {
      const account = await registerAccount(server.url, 'enterprise');
      const response = await api()
        .post('/api/v1/auth/logout')
        .set('cookie', account.cookies.join('; '))
        .expect(403);
      expect(response.body.error.code).toBe('CSRF_FAILED');
      await api()
        .post('/api/v1/auth/logout')
        .set('cookie', account.cookies.join('; '))
        .set('x-csrf-token', 'wrong-value')
        .expect(403);
      // the session survived the refused requests
      await api().get('/api/v1/me').set('cookie', account.cookies.join('; ')).expect(200);
    });

    it('accepts it with the csrf cookie echoed in the header, and needs no header with a bearer token', async () => {
      const first = await registerAccount(server.url, 'enterprise');
      await api()
        .post('/api/v1/auth/logout')
        .set('cookie', first.cookies.join('; '))
        .set('x-csrf-token', first.csrf)
        .expect(204);
      const second = await registerAccount(server.url, 'enterprise');
      await api()
        .post('/api/v1/auth/logout')
        .set('authorization', `Bearer ${second.token}`)
        .expect(204);
    });

    it("does not accept another session's csrf token", async () => {
      const victim = await registerAccount(server.url, 'enterprise');
      const attacker = await registerAccount(server.url, 'enterprise');
      await api()
        .post('/api/v1/auth/logout')
        .set('cookie', victim.cookies.join('; '))
        .set('x-csrf-token', attacker.csrf)
        .expect(403);
    });
  });

  describe('organisations, invitations and roles', () => {
    it('lets an owner invite a colleague who joins with the invited role; the link works once', async () => {
      const owner = await registerAccount(server.url, 'institute');
      const organisationId = owner.user.organisation.id;
      const email = uniqueEmail('colleague');
      const created = (
        await api()
          .post(`/api/v1/organisations/${organisationId}/invitations`)
          .set('authorization', `Bearer ${owner.token}`)
          .send({ email, role: 'member' })
          .expect(201)
      ).body as InvitationCreated;
      expect(created).toMatchObject({
        email,
        role: 'member',
        organisationId,
        acceptedAt: null,
        acceptPath: `/invite/${created.token}`,
      });
      const [stored] = await sql<{ token_hash: string }>(
        `SELECT token_hash FROM invitation WHERE id = $1`,
        [created.id],
      );
      expect(stored.token_hash).not.toContain(created.token);

      const joined = (
        await api()
          .post('/api/v1/invitations/accept')
          .send({ token: created.token, displayName: '新同事', password: TEST_PASSWORD })
          .expect(201)
      ).body as LoginResponse;
      expect(joined.user).toMatchObject({
        email,
        role: 'member',
        organisation: { id: organisationId },
      });
      const again = await api()
        .post('/api/v1/invitations/accept')
        .send({ token: created.token, displayName: 'x', password: TEST_PASSWORD })
        .expect(410);
      expect(again.body.error.code).toBe('INVITATION_INVALID');

      const members = (
        await api()
          .get(`/api/v1/organisations/${organisationId}/members`)
          .set('authorization', `Bearer ${owner.token}`)
          .expect(200)
      ).body as MemberView[];
      expect(members.map((member) => [member.email, member.role])).toEqual([
        [owner.email, 'owner'],
        [email, 'member'],
      ]);
      const listed = await api()
        .get(`/api/v1/organisations/${organisationId}/invitations`)
        .set('authorization', `Bearer ${owner.token}`)
        .expect(200);
      expect(listed.body[0]).not.toHaveProperty('token');
    });

    it('refuses an expired invitation', async () => {
      const owner = await registerAccount(server.url, 'enterprise');
      const created = (
        await api()
          .post(`/api/v1/organisations/${owner.user.organisation.id}/invitations`)
          .set('authorization', `Bearer ${owner.token}`)
          .send({ email: uniqueEmail('late'), role: 'member' })
          .expect(201)
      ).body as InvitationCreated;
      await sql(`UPDATE invitation SET expires_at = now() - interval '1 minute' WHERE id = $1`, [
        created.id,
      ]);
      await api()
        .post('/api/v1/invitations/accept')
        .send({ token: created.token, displayName: 'late', password: TEST_PASSWORD })
        .expect(410);
    });

    it('lets only the organisation’s own owners invite', async () => {
      const owner = await registerAccount(server.url, 'institute');
      const organisationId = owner.user.organisation.id;
      const invitation = (
        await api()
          .post(`/api/v1/organisations/${organisationId}/invitations`)
          .set('authorization', `Bearer ${owner.token}`)
          .send({ email: uniqueEmail('member'), role: 'member' })
          .expect(201)
      ).body as InvitationCreated;
      const member = (
        await api()
          .post('/api/v1/invitations/accept')
          .send({ token: invitation.token, displayName: 'm', password: TEST_PASSWORD })
          .expect(201)
      ).body as LoginResponse;
      const stranger = await registerAccount(server.url, 'institute');
      for (const token of [member.token, stranger.token, admin.token]) {
        await api()
          .post(`/api/v1/organisations/${organisationId}/invitations`)
          .set('authorization', `Bearer ${token}`)
          .send({ email: uniqueEmail('x'), role: 'owner' })
          .expect(403);
      }
    });

    it('keeps at least one owner, and lets an owner promote and demote members', async () => {
      const owner = await registerAccount(server.url, 'brokerage');
      const organisationId = owner.user.organisation.id;
      const demoteSelf = await api()
        .patch(`/api/v1/organisations/${organisationId}/members/${owner.user.id}`)
        .set('authorization', `Bearer ${owner.token}`)
        .send({ role: 'member' })
        .expect(409);
      expect(demoteSelf.body.error.code).toBe('LAST_OWNER');
      const invitation = (
        await api()
          .post(`/api/v1/organisations/${organisationId}/invitations`)
          .set('authorization', `Bearer ${owner.token}`)
          .send({ email: uniqueEmail('second'), role: 'member' })
          .expect(201)
      ).body as InvitationCreated;
      const second = (
        await api()
          .post('/api/v1/invitations/accept')
          .send({ token: invitation.token, displayName: 's', password: TEST_PASSWORD })
          .expect(201)
      ).body as LoginResponse;
      await api()
        .patch(`/api/v1/organisations/${organisationId}/members/${second.user.id}`)
        .set('authorization', `Bearer ${owner.token}`)
        .send({ role: 'admin' })
        .expect(400);
      const promoted = await api()
        .patch(`/api/v1/organisations/${organisationId}/members/${second.user.id}`)
        .set('authorization', `Bearer ${owner.token}`)
        .send({ role: 'owner' })
        .expect(200);
      expect(promoted.body).toMatchObject({ id: second.user.id, role: 'owner' });
      await api()
        .patch(`/api/v1/organisations/${organisationId}/members/${owner.user.id}`)
        .set('authorization', `Bearer ${owner.token}`)
        .send({ role: 'member' })
        .expect(200);
    });

    it("shows another organisation's public view only, and its members not at all", async () => {
      const mine = await registerAccount(server.url, 'enterprise');
      const theirs = await registerAccount(server.url, 'enterprise');
      const own = await api()
        .get(`/api/v1/organisations/${mine.user.organisation.id}`)
        .set('authorization', `Bearer ${mine.token}`)
        .expect(200);
      expect(own.body).toHaveProperty('creditCode');
      const other = await api()
        .get(`/api/v1/organisations/${theirs.user.organisation.id}`)
        .set('authorization', `Bearer ${mine.token}`)
        .expect(200);
      expect(Object.keys(other.body).sort()).toEqual(['id', 'name', 'region', 'type', 'verified']);
      await api()
        .get(`/api/v1/organisations/${theirs.user.organisation.id}/members`)
        .set('authorization', `Bearer ${mine.token}`)
        .expect(403);
      await api()
        .get(`/api/v1/organisations/00000000-0000-4000-8000-000000000000`)
        .set('authorization', `Bearer ${mine.token}`)
        .expect(404);
      await api()
        .get(`/api/v1/organisations/not-a-uuid`)
        .set('authorization', `Bearer ${mine.token}`)
        .expect(400);
    });
  });

  describe('verification by a platform admin', () => {
    it('lists the organisation as pending, verifies it, and the owner sees it verified', async () => {
      const owner = await registerAccount(server.url, 'enterprise');
      const organisationId = owner.user.organisation.id;
      const pending = (
        await api()
          .get('/api/v1/admin/organisations')
          .set('authorization', `Bearer ${admin.token}`)
          .expect(200)
      ).body as OrganisationDetail[];
      expect(pending.map((organisation) => organisation.id)).toContain(organisationId);
      expect(pending.every((organisation) => !organisation.verified)).toBe(true);

      await api()
        .post(`/api/v1/admin/organisations/${organisationId}/verify`)
        .set('authorization', `Bearer ${owner.token}`)
        .expect(403);
      const verified = await api()
        .post(`/api/v1/admin/organisations/${organisationId}/verify`)
        .set('authorization', `Bearer ${admin.token}`)
        .expect(200);
      expect(verified.body).toMatchObject({ id: organisationId, verified: true });
      const me = await api()
        .get('/api/v1/me')
        .set('authorization', `Bearer ${owner.token}`)
        .expect(200);
      expect(me.body.organisation.verified).toBe(true);

      const stillPending = (
        await api()
          .get('/api/v1/admin/organisations?status=pending')
          .set('authorization', `Bearer ${admin.token}`)
          .expect(200)
      ).body as OrganisationDetail[];
      expect(stillPending.map((organisation) => organisation.id)).not.toContain(organisationId);
    });
  });

  describe('the audit log', () => {
    it('records each change with actor, organisation, target, summary, IP and request id', async () => {
      const owner = await registerAccount(server.url, 'institute');
      const organisationId = owner.user.organisation.id;
      await api()
        .post(`/api/v1/admin/organisations/${organisationId}/verify`)
        .set('authorization', `Bearer ${admin.token}`)
        .set('x-request-id', 'verify-req-1')
        .expect(200);
      const page = (
        await api()
          .get(`/api/v1/admin/audit-events?targetType=organisation&targetId=${organisationId}`)
          .set('authorization', `Bearer ${admin.token}`)
          .expect(200)
      ).body as Page<AuditEventView>;
      expect(page.items.map((event) => event.action)).toEqual([
        'organisation.verify',
        'organisation.register',
      ]);
      expect(page.items[0]).toMatchObject({
        actorUserId: admin.user.id,
        actorOrganisationId: admin.user.organisation.id,
        summary: { before: { verified: false }, after: { verified: true } },
        requestId: 'verify-req-1',
        ip: expect.stringMatching(/127\.0\.0\.1/),
      });
      expect(page.items[1]).toMatchObject({
        actorUserId: owner.user.id,
        actorOrganisationId: organisationId,
      });
    });

    it('pages newest first with a cursor and filters by action', async () => {
      const first = (
        await api()
          .get('/api/v1/admin/audit-events?limit=2')
          .set('authorization', `Bearer ${admin.token}`)
          .expect(200)
      ).body as Page<AuditEventView>;
      expect(first.items).toHaveLength(2);
      expect(first.nextCursor).toBe(first.items[1].id);
      const second = (
        await api()
          .get(`/api/v1/admin/audit-events?limit=2&cursor=${first.nextCursor}`)
          .set('authorization', `Bearer ${admin.token}`)
          .expect(200)
      ).body as Page<AuditEventView>;
      expect(BigInt(second.items[0].id)).toBeLessThan(BigInt(first.items[1].id));
      const logins = (
        await api()
          .get('/api/v1/admin/audit-events?action=session.login')
          .set('authorization', `Bearer ${admin.token}`)
          .expect(200)
      ).body as Page<AuditEventView>;
      expect(logins.items.length).toBeGreaterThan(0);
      expect(logins.items.every((event) => event.action === 'session.login')).toBe(true);
      await api()
        .get('/api/v1/admin/audit-events?cursor=abc')
        .set('authorization', `Bearer ${admin.token}`)
        .expect(400);
    });

    it('is for admins only', async () => {
      const owner = await registerAccount(server.url, 'enterprise');
      await api()
        .get('/api/v1/admin/audit-events')
        .set('authorization', `Bearer ${owner.token}`)
        .expect(403);
      await api().get('/api/v1/admin/audit-events').expect(401);
    });

    it('cannot be rewritten or erased, not even with SQL', async () => {
      await expect(sql(`UPDATE audit_event SET action = 'forged'`)).rejects.toThrow(/append-only/);
      await expect(sql(`DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
      await expect(sql(`TRUNCATE audit_event`)).rejects.toThrow(/append-only/);
    });
  });

  describe('the socket handshake', () => {
    function connect(
      options: Parameters<typeof io>[1],
    ): Promise<{ ok: true; id: string } | { ok: false; message: string; code?: string }> {
      return new Promise((resolve) => {
        const socket = io(`${server.url}/auction`, {
          transports: ['websocket'],
          reconnection: false,
          ...options,
        });
        socket.once('connect', () => {
          resolve({ ok: true, id: socket.id as string });
          socket.disconnect();
        });
        socket.once('connect_error', (error: Error & { data?: { code?: string } }) => {
          resolve({ ok: false, message: error.message, code: error.data?.code });
          socket.disconnect();
        });
      });
    }

    it('refuses a socket without a session', async () => {
      await expect(connect({})).resolves.toEqual({
        ok: false,
        message: 'Sign in first',
        code: 'UNAUTHENTICATED',
      });
      await expect(
        connect({ auth: { token: 'forged-token-forged-token-forged-token-1234' } }),
      ).resolves.toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    });

    it('accepts the session cookie, and a token, and joins the user room', async () => {
      const account = await registerAccount(server.url, 'enterprise');
      await expect(
        connect({ extraHeaders: { cookie: account.cookies.join('; ') } }),
      ).resolves.toMatchObject({ ok: true });
      const connected = await connect({ auth: { token: account.token } });
      expect(connected.ok).toBe(true);
    });

    it('refuses a foreign Origin', async () => {
      const account = await registerAccount(server.url, 'enterprise');
      await expect(
        connect({
          auth: { token: account.token },
          extraHeaders: { origin: 'https://evil.example' },
        }),
      ).resolves.toMatchObject({
        ok: false,
        code: 'FORBIDDEN',
      });
      const host = new URL(server.url).host;
      await expect(
        connect({ auth: { token: account.token }, extraHeaders: { origin: `http://${host}` } }),
      ).resolves.toMatchObject({ ok: true });
    });

    it('refuses a session that was logged out', async () => {
      const account = await registerAccount(server.url, 'institute');
      await api()
        .post('/api/v1/auth/logout')
        .set('authorization', `Bearer ${account.token}`)
        .expect(204);
      await expect(connect({ auth: { token: account.token } })).resolves.toMatchObject({
        ok: false,
        code: 'UNAUTHENTICATED',
      });
    });

    it('closes the sockets of a session at logout, and of the other sessions at a password change', async () => {
      const account = await registerAccount(server.url, 'enterprise');
      const other = await signIn(server.url, account.email, account.password);
      const open = async (token: string) => {
        const socket = io(`${server.url}/auction`, {
          transports: ['websocket'],
          reconnection: false,
          auth: { token },
        });
        await new Promise<void>((resolve, reject) => {
          socket.once('connect', () => resolve());
          socket.once('connect_error', reject);
        });
        return {
          socket,
          closed: new Promise<string>((resolve) => socket.once('disconnect', resolve)),
        };
      };
      const mine = await open(account.token);
      const theirs = await open(other.token);
      await api()
        .post('/api/v1/me/password')
        .set('authorization', `Bearer ${account.token}`)
        .send({ currentPassword: account.password, newPassword: 'Rotated-Password-2026' })
        .expect(200);
      await expect(theirs.closed).resolves.toBe('io server disconnect');
      expect(mine.socket.connected).toBe(true);
      await api()
        .post('/api/v1/auth/logout')
        .set('authorization', `Bearer ${account.token}`)
        .expect(204);
      await expect(mine.closed).resolves.toBe('io server disconnect');
    });

    it('refuses a malformed message with a coded acknowledgement and keeps serving', async () => {
      const account = await registerAccount(server.url, 'enterprise');
      const socket = io(`${server.url}/auction`, {
        transports: ['websocket'],
        reconnection: false,
        auth: { token: account.token },
      });
      try {
        await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
        const refused = await socket.timeout(5_000).emitWithAck('time:sync', { extra: 1 });
        expect(refused).toEqual({
          ok: false,
          code: 'INVALID_INPUT',
          message: 'property extra should not exist',
        });
        const accepted = await socket.timeout(5_000).emitWithAck('time:sync', {});
        expect(accepted).toMatchObject({ ok: true, serverTime: expect.any(String) });
      } finally {
        socket.disconnect();
      }
    });
  });
});
