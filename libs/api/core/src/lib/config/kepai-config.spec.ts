import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ConfigError, loadConfig } from './kepai-config';

function refusal(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(env)} to be refused`);
}

describe('loadConfig', () => {
  it('gives the embedded defaults of DESIGN §7 when nothing is set', () => {
    const config = loadConfig({}, { cwd: '/srv/kepai' });
    expect(config).toEqual({
      port: 3000,
      host: '0.0.0.0',
      databaseUrl: null,
      redisUrl: null,
      dataDir: '/srv/kepai/data',
      admin: null,
      seed: 'auto',
      logLevel: 'info',
      allowedOrigins: [],
      webDist: null,
      authRateLimit: 20,
      searchRankingSeconds: 60,
      statsCacheSeconds: 60,
      bidRateLimit: 20,
      trustProxyHops: 0,
      smtpUrl: null,
      mailFrom: '科拍 Kepai <noreply@kepai.local>',
      cjkFont: {
        path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
        face: 'NotoSansCJKsc-Regular',
      },
    });
  });

  it('reads every variable when they are valid', () => {
    const config = loadConfig(
      {
        PORT: '8080',
        DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/test',
        REDIS_URL: 'redis://127.0.0.1:6379',
        KEPAI_DATA_DIR: '/var/kepai',
        KEPAI_ADMIN_EMAIL: 'Admin@Kepai.example',
        KEPAI_ADMIN_PASSWORD: 'correct horse battery',
        KEPAI_SEED: 'off',
        LOG_LEVEL: 'warn',
        KEPAI_ALLOWED_ORIGINS: 'https://kepai.example, http://localhost:5173',
        SMTP_URL: 'smtps://mailer:secret@smtp.kepai.example:465',
        KEPAI_MAIL_FROM: '科拍交易平台 <notice@kepai.example>',
        KEPAI_STATS_CACHE_SECONDS: '0',
      },
      { cwd: '/srv' },
    );
    expect(config.statsCacheSeconds).toBe(0);
    expect(config.smtpUrl).toBe('smtps://mailer:secret@smtp.kepai.example:465');
    expect(config.mailFrom).toBe('科拍交易平台 <notice@kepai.example>');
    expect(config.port).toBe(8080);
    expect(config.databaseUrl).toBe('postgresql://postgres@127.0.0.1:5432/test');
    expect(config.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(config.dataDir).toBe('/var/kepai');
    expect(config.admin).toEqual({
      email: 'admin@kepai.example',
      password: 'correct horse battery',
    });
    expect(config.seed).toBe('off');
    expect(config.logLevel).toBe('warn');
    expect(config.allowedOrigins).toEqual(['https://kepai.example', 'http://localhost:5173']);
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '  ' }).port).toBe(3000);
    expect(loadConfig({ DATABASE_URL: '' }).databaseUrl).toBeNull();
  });

  it('resolves a relative data folder against the working directory', () => {
    expect(loadConfig({ KEPAI_DATA_DIR: 'var/db' }, { cwd: '/srv' }).dataDir).toBe(
      resolve('/srv/var/db'),
    );
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT', 'PORT must be an integer from 0 to 65535 (got "abc")'],
    [{ PORT: '70000' }, 'PORT', 'PORT must be an integer from 0 to 65535 (got "70000")'],
    [{ PORT: '3000.5' }, 'PORT', 'PORT must be an integer from 0 to 65535 (got "3000.5")'],
    [
      { DATABASE_URL: 'mysql://x' },
      'DATABASE_URL',
      'DATABASE_URL must be a postgres:// or postgresql:// URL (got "mysql://x")',
    ],
    [
      { REDIS_URL: 'localhost:6379' },
      'REDIS_URL',
      'REDIS_URL must be a redis:// or rediss:// URL (got "localhost:6379")',
    ],
    [
      { KEPAI_STATS_CACHE_SECONDS: '-1' },
      'KEPAI_STATS_CACHE_SECONDS',
      'KEPAI_STATS_CACHE_SECONDS must be an integer from 0 to 3600 (got "-1")',
    ],
    [{ KEPAI_SEED: 'yes' }, 'KEPAI_SEED', 'KEPAI_SEED must be "demo" or "off" (got "yes")'],
    [
      { LOG_LEVEL: 'loud' },
      'LOG_LEVEL',
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "loud")',
    ],
    [
      { KEPAI_ADMIN_EMAIL: 'not-an-email', KEPAI_ADMIN_PASSWORD: 'long enough password' },
      'KEPAI_ADMIN_EMAIL',
      'KEPAI_ADMIN_EMAIL must be an email address (got "not-an-email")',
    ],
    [
      { KEPAI_ADMIN_EMAIL: 'a@b.cn', KEPAI_ADMIN_PASSWORD: 'short' },
      'KEPAI_ADMIN_PASSWORD',
      'KEPAI_ADMIN_PASSWORD must be at least 10 characters long',
    ],
    [
      { KEPAI_ADMIN_EMAIL: 'a@b.cn' },
      'KEPAI_ADMIN_PASSWORD',
      'KEPAI_ADMIN_PASSWORD must be set together with the other KEPAI_ADMIN_ variable',
    ],
    [
      { KEPAI_AUTH_RATE_LIMIT: '0' },
      'KEPAI_AUTH_RATE_LIMIT',
      'KEPAI_AUTH_RATE_LIMIT must be an integer from 1 to 100000 (got "0")',
    ],
    [
      { KEPAI_TRUST_PROXY: 'yes' },
      'KEPAI_TRUST_PROXY',
      'KEPAI_TRUST_PROXY must be an integer from 0 to 10 (got "yes")',
    ],
    [
      { KEPAI_ALLOWED_ORIGINS: 'https://ok.example,ftp://no' },
      'KEPAI_ALLOWED_ORIGINS',
      'KEPAI_ALLOWED_ORIGINS must be a comma-separated list of origins like https://kepai.example (got "ftp://no")',
    ],
    [
      { KEPAI_MAIL_FROM: 'Kepai noreply' },
      'KEPAI_MAIL_FROM',
      'KEPAI_MAIL_FROM must be an email address, or a name and an address like 科拍 Kepai <noreply@kepai.example> (got "Kepai noreply")',
    ],
  ])('refuses %p naming the variable in one line', (env, variable, message) => {
    const error = refusal(env as Record<string, string>);
    expect(error.variable).toBe(variable);
    expect(error.message).toBe(message);
    expect(error.message).not.toContain('\n');
  });

  it('names the first bad variable in table order when several are bad', () => {
    expect(refusal({ REDIS_URL: 'nope', PORT: 'nope' }).variable).toBe('PORT');
  });

  it('refuses an SMTP_URL that is not smtp:// or smtps:// without echoing it (it may carry a password)', () => {
    const error = refusal({ SMTP_URL: 'http://mailer:secret@smtp.example' });
    expect(error.variable).toBe('SMTP_URL');
    expect(error.message).toBe('SMTP_URL must be an smtp:// or smtps:// URL');
  });

  it('never echoes the admin password', () => {
    const error = refusal({ KEPAI_ADMIN_EMAIL: 'a@b.cn', KEPAI_ADMIN_PASSWORD: 'secret' });
    expect(error.message).not.toContain('secret');
  });

  describe('KEPAI_CJK_FONT', () => {
    let folder: string;
    beforeAll(() => {
      folder = mkdtempSync(join(tmpdir(), 'kepai-font-'));
      writeFileSync(join(folder, 'Song.ttf'), 'not checked beyond existing');
      writeFileSync(join(folder, 'Hei.ttc'), 'not checked beyond existing');
    });
    afterAll(() => rmSync(folder, { recursive: true, force: true }));

    it('takes a font file that exists, relative to the working folder', () => {
      expect(loadConfig({ KEPAI_CJK_FONT: 'Song.ttf' }, { cwd: folder }).cjkFont).toEqual({
        path: join(folder, 'Song.ttf'),
        face: null,
      });
    });

    it('takes a face of a collection after #', () => {
      const value = `${join(folder, 'Hei.ttc')}#NotoSansCJKsc-Regular`;
      expect(loadConfig({ KEPAI_CJK_FONT: value }).cjkFont).toEqual({
        path: join(folder, 'Hei.ttc'),
        face: 'NotoSansCJKsc-Regular',
      });
    });

    it.each([
      [
        '/nowhere/NotoSansCJK-Regular.otf',
        'KEPAI_CJK_FONT must be a font file that exists (got "/nowhere/NotoSansCJK-Regular.otf")',
      ],
      [
        '/etc/hostname',
        'KEPAI_CJK_FONT must be a .ttf, .otf, .ttc or .otc font file (got "/etc/hostname")',
      ],
    ])('refuses %s', (value, message) => {
      const error = refusal({ KEPAI_CJK_FONT: value });
      expect(error.variable).toBe('KEPAI_CJK_FONT');
      expect(error.message).toBe(message);
    });

    it('refuses a collection without a face', () => {
      expect(refusal({ KEPAI_CJK_FONT: join(folder, 'Hei.ttc') }).message).toContain(
        'must name the face of a font collection after #',
      );
    });
  });
});
