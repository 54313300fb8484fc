import { randomBytes, randomInt } from 'node:crypto';
import request from 'supertest';
import { withCheckCharacter } from '@kepai/api-identity';
import type { LoginResponse, OrganisationType, UserView } from '@kepai/contracts';

const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export const TEST_PASSWORD = 'Patent-Auction-2026!';

/** A valid, random unified social credit code. */
export function randomCreditCode(): string {
  let stem = '91';
  for (let i = 0; i < 15; i++) stem += CREDIT_ALPHABET[randomInt(CREDIT_ALPHABET.length)];
  return withCheckCharacter(stem);
}

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}@test.kepai.cn`;
}

export interface Account {
  token: string;
  user: UserView;
  email: string;
  password: string;
  /** The Set-Cookie values of the sign-in, for cookie-session requests. */
  cookies: string[];
  csrf: string;
}

function cookiesOf(response: request.Response): { cookies: string[]; csrf: string } {
  const setCookie = response.headers['set-cookie'] as unknown as string[] | undefined;
  const cookies = (setCookie ?? []).map((cookie) => cookie.split(';')[0]);
  const csrf = cookies.find((cookie) => cookie.startsWith('csrf='))?.slice('csrf='.length) ?? '';
  return { cookies, csrf };
}

/** Registers a new organisation of the given type with its owner, signed in. */
export async function registerAccount(
  url: string,
  type: OrganisationType,
  overrides: { name?: string; email?: string } = {},
): Promise<Account> {
  const email = overrides.email ?? uniqueEmail(type);
  const response = await request(url)
    .post('/api/v1/auth/register')
    .send({
      email,
      password: TEST_PASSWORD,
      displayName: `${type} owner`,
      organisation: {
        name: overrides.name ?? `测试${type}机构 ${email}`,
        type,
        creditCode: randomCreditCode(),
        region: '上海市',
      },
    });
  if (response.status !== 201)
    throw new Error(`register ${type}: ${response.status} ${JSON.stringify(response.body)}`);
  const body = response.body as LoginResponse;
  return {
    token: body.token,
    user: body.user,
    email,
    password: TEST_PASSWORD,
    ...cookiesOf(response),
  };
}

export async function signIn(url: string, email: string, password: string): Promise<Account> {
  const response = await request(url).post('/api/v1/auth/login').send({ email, password });
  if (response.status !== 200)
    throw new Error(`login ${email}: ${response.status} ${JSON.stringify(response.body)}`);
  const body = response.body as LoginResponse;
  return { token: body.token, user: body.user, email, password, ...cookiesOf(response) };
}

export async function verifyOrganisation(
  url: string,
  admin: Account,
  organisationId: string,
): Promise<void> {
  const response = await request(url)
    .post(`/api/v1/admin/organisations/${organisationId}/verify`)
    .set('authorization', `Bearer ${admin.token}`);
  if (response.status !== 200)
    throw new Error(`verify: ${response.status} ${JSON.stringify(response.body)}`);
}
