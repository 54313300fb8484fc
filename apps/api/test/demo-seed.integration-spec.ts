import { join } from 'node:path';
import { jest } from '@jest/globals';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { DEMO_ADMIN, DEMO_ORGANISATIONS, DEMO_PASSWORD } from '@kepai/api-identity';
import { DEMO_RESULT_COUNT } from '../src/app/demo-seed.service';
import { startKepai } from '../src/app/server';
import { DATABASE_URL, TARGET, freshDatabase, tempFolder, testConfig } from './support/environment';

const DEMO_EMAILS = [
  DEMO_ADMIN.email,
  ...DEMO_ORGANISATIONS.flatMap((organisation) => organisation.users.map((user) => user.email)),
];

describe(`demo data on ${TARGET}`, () => {
  it('creates every demo account once with KEPAI_SEED=demo, prints them, and each can sign in', async () => {
    const database = await freshDatabase();
    const folder = tempFolder('demo');
    const printed: string[] = [];
    const log = jest
      .spyOn(console, 'log')
      .mockImplementation((...args: unknown[]) => void printed.push(args.join(' ')));
    try {
      const first = await startKepai(
        testConfig(database, join(folder.path, 'data'), { KEPAI_SEED: 'demo' }),
      );
      try {
        for (const email of DEMO_EMAILS) {
          const response = await request(first.url)
            .post('/api/v1/auth/login')
            .send({ email, password: DEMO_PASSWORD });
          expect([email, response.status]).toEqual([email, 200]);
        }
        const unverified = await request(first.url)
          .post('/api/v1/auth/login')
          .send({ email: 'startup@demo.kepai.cn', password: DEMO_PASSWORD });
        expect(unverified.body.user.organisation.verified).toBe(false);
        const admin = await request(first.url)
          .post('/api/v1/auth/login')
          .send({ email: DEMO_ADMIN.email, password: DEMO_PASSWORD });
        expect(admin.body.user.role).toBe('admin');
      } finally {
        await first.stop();
      }
      const output = printed.join('\n');
      expect(output).toContain(`every demo account's password is ${DEMO_PASSWORD}`);
      for (const email of DEMO_EMAILS) expect(output).toContain(email);

      // a second start finds them and creates nothing twice
      const second = await startKepai(
        testConfig(database, join(folder.path, 'data'), { KEPAI_SEED: 'demo' }),
      );
      try {
        const [{ users, results, demoInstituteResults }] = await second.app.get(DataSource).query(
          `SELECT (SELECT count(*)::int FROM app_user) AS users,
                  (SELECT count(*)::int FROM result WHERE status = 'published') AS results,
                  (SELECT count(*)::int FROM result r JOIN organisation o ON o.id = r.institute_id
                    WHERE o.credit_code = $1) AS "demoInstituteResults"`,
          [DEMO_ORGANISATIONS[0].creditCode],
        );
        expect(users).toBe(DEMO_EMAILS.length);
        expect(results).toBe(DEMO_RESULT_COUNT);
        // the demo institute's owner finds listings in their console
        expect(demoInstituteResults).toBeGreaterThan(0);
        // and the catalogue answers a two-character query
        const found = await request(second.url)
          .get(`/api/v1/search/results?q=${encodeURIComponent('技术')}`)
          .expect(200);
        expect(found.body.total).toBeGreaterThan(0);
      } finally {
        await second.stop();
      }
    } finally {
      log.mockRestore();
      await database.drop();
      folder.remove();
    }
  });

  (DATABASE_URL === null ? it : it.skip)(
    'seeds an empty embedded database by default, and only that',
    async () => {
      const folder = tempFolder('demo-auto');
      const dataDir = join(folder.path, 'data');
      const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
      try {
        const database = { url: null, drop: async () => undefined };
        const config = { ...testConfig(database, dataDir), seed: 'auto' as const };
        const first = await startKepai(config);
        const [{ n }] = await first.app
          .get(DataSource)
          .query(`SELECT count(*)::int AS n FROM app_user`);
        await first.stop();
        expect(n).toBe(DEMO_EMAILS.length);
        expect(log).toHaveBeenCalled();
        // the folder now holds a database: auto means off from here on
        log.mockClear();
        const second = await startKepai(config);
        await second.stop();
        expect(log).not.toHaveBeenCalled();
      } finally {
        log.mockRestore();
        folder.remove();
      }
    },
  );

  it('loads nothing with KEPAI_SEED=off', async () => {
    const database = await freshDatabase();
    const folder = tempFolder('demo-off');
    try {
      const server = await startKepai(
        testConfig(database, join(folder.path, 'data'), { KEPAI_SEED: 'off' }),
      );
      const [{ n }] = await server.app
        .get(DataSource)
        .query(`SELECT count(*)::int AS n FROM app_user`);
      await server.stop();
      expect(n).toBe(0);
    } finally {
      await database.drop();
      folder.remove();
    }
  });
});
