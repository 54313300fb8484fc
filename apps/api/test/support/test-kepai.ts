import { join } from 'node:path';
import type { OrganisationType } from '@kepai/contracts';
import { startKepai, type KepaiServer } from '../../src/app/server';
import { registerAccount, signIn, verifyOrganisation, type Account } from './accounts';
import { freshDatabase, tempFolder, testConfig, type TestDatabase } from './environment';

export interface TestKepaiOptions {
  /** The platform admin the server creates at start; `admin@<name>.test` by default. */
  admin?: { email: string; password: string };
  /**
   * More environment for the server. A function gets the suite's folder, for settings that name
   * files the suite puts there before the server starts (a font, say).
   */
  env?: Record<string, string> | ((folder: string) => Record<string, string>);
}

/** One suite's server on a database and folder of its own, with its admin signed in. */
export interface TestKepai {
  server: KepaiServer;
  url: string;
  admin: Account;
  /** The server's KEPAI_DATA_DIR, inside the suite's folder. */
  dataDir: string;
  /** A new organisation of this type with its owner signed in, verified by the admin. */
  verified(type: OrganisationType, overrides?: { name?: string; email?: string }): Promise<Account>;
  /** Stops the server, drops the database, removes the folder; a second call waits for the first. */
  stop(): Promise<void>;
}

/**
 * Starts the api for one suite: a fresh database, a temporary folder named after the suite, and
 * the admin signed in. If any step fails, what the earlier ones made is taken away again before
 * the error is thrown, so a suite whose `beforeAll` failed leaves no database or folder behind.
 */
export async function startTestKepai(
  name: string,
  options: TestKepaiOptions = {},
): Promise<TestKepai> {
  // the password must pass the policy when a suite sets it again, so nothing of the email in it
  const credentials = options.admin ?? {
    email: `admin@${name}.test`,
    password: 'Platform-Operator-1',
  };
  const folder = tempFolder(name);
  const dataDir = join(folder.path, 'data');
  let database: TestDatabase | undefined;
  let server: KepaiServer | undefined;
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      try {
        await server?.stop();
      } finally {
        try {
          await database?.drop();
        } finally {
          folder.remove();
        }
      }
    })());

  try {
    database = await freshDatabase();
    const env = typeof options.env === 'function' ? options.env(folder.path) : options.env;
    server = await startKepai(
      testConfig(database, dataDir, {
        KEPAI_ADMIN_EMAIL: credentials.email,
        KEPAI_ADMIN_PASSWORD: credentials.password,
        ...env,
      }),
    );
    const url = server.url;
    const admin = await signIn(url, credentials.email, credentials.password);
    return {
      server,
      url,
      admin,
      dataDir,
      async verified(type, overrides = {}) {
        const account = await registerAccount(url, type, overrides);
        // the admin's token as it is now: a suite may sign the same object in again
        await verifyOrganisation(url, admin, account.user.organisation.id);
        return account;
      },
      stop,
    };
  } catch (error) {
    // the start's error is the one worth seeing, not a failure to clean up after it
    await stop().catch(() => undefined);
    throw error;
  }
}
