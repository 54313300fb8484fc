import { existsSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import type { AttachmentView, ResultView } from '@kepai/contracts';
import type { KepaiServer } from '../src/app/server';
import { registerAccount, type Account } from './support/accounts';
import { TARGET } from './support/environment';
import { startTestKepai, type TestKepai } from './support/test-kepai';

const PDF = Buffer.concat([
  Buffer.from('%PDF-1.7\n'),
  Buffer.from('1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n'),
]);
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489',
  'hex',
);

describe(`result attachments on ${TARGET}`, () => {
  let kepai: TestKepai;
  let server: KepaiServer;
  let institute: Account;
  let resultId: string;
  const as = (account: Account) => ({ authorization: `Bearer ${account.token}` });

  beforeAll(async () => {
    kepai = await startTestKepai('files');
    server = kepai.server;
    institute = await kepai.verified('institute');
    const created = await request(server.url)
      .post('/api/v1/results')
      .set(as(institute))
      .send({
        title: '一种秸秆还田的微生物腐熟剂',
        summary: '复合菌剂使秸秆 30 天腐熟率达 80%。',
        description: '本成果筛选耐低温纤维素降解菌，组配复合腐熟剂，适用于东北一年一熟区秸秆还田。',
        field: 'agriculture',
        keywords: ['秸秆还田', '腐熟剂'],
        patentNumbers: [],
        maturity: 'production',
        transactionModes: ['ordinary_licence'],
        region: '黑龙江省哈尔滨市',
      })
      .expect(201);
    resultId = (created.body as ResultView).id;
  });

  afterAll(() => kepai?.stop());

  it('stores a PDF, lists it on the result and serves it back byte for byte', async () => {
    const uploaded = (
      await request(server.url)
        .post(`/api/v1/results/${resultId}/attachments`)
        .set(as(institute))
        .attach('file', PDF, '技术说明书.pdf')
        .expect(201)
    ).body as AttachmentView;
    expect(uploaded).toMatchObject({
      fileName: '技术说明书.pdf',
      contentType: 'application/pdf',
      size: PDF.length,
    });
    expect(existsSync(join(kepai.dataDir, 'uploads', 'results', resultId, uploaded.id))).toBe(true);

    const result = (
      await request(server.url).get(`/api/v1/results/${resultId}`).set(as(institute)).expect(200)
    ).body as ResultView;
    expect(result.attachments.map((attachment) => attachment.id)).toEqual([uploaded.id]);

    const download = await request(server.url)
      .get(`/api/v1/results/${resultId}/attachments/${uploaded.id}`)
      .set(as(institute))
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent('技术说明书.pdf')}`,
    );
    expect(Buffer.compare(download.body as Buffer, PDF)).toBe(0);
  });

  it('decides the type from the bytes: a script named .pdf is refused', async () => {
    const response = await request(server.url)
      .post(`/api/v1/results/${resultId}/attachments`)
      .set(as(institute))
      .attach('file', Buffer.from('<script>alert(1)</script>'), {
        filename: 'report.pdf',
        contentType: 'application/pdf',
      })
      .expect(415);
    expect(response.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const png = (
      await request(server.url)
        .post(`/api/v1/results/${resultId}/attachments`)
        .set(as(institute))
        .attach('file', PNG, 'photo.bin')
        .expect(201)
    ).body as AttachmentView;
    expect(png.contentType).toBe('image/png');
  });

  it('refuses a file over 10 MB with PAYLOAD_TOO_LARGE and keeps serving', async () => {
    const big = Buffer.concat([
      Buffer.from('%PDF-1.7\n'),
      Buffer.alloc(10 * 1024 * 1024 + 1, 0x20),
    ]);
    const response = await request(server.url)
      .post(`/api/v1/results/${resultId}/attachments`)
      .set(as(institute))
      .attach('file', big, 'big.pdf')
      .expect(413);
    expect(response.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    await request(server.url).get('/api/v1/health').expect(200);
  });

  it('refuses a request without a file', async () => {
    const response = await request(server.url)
      .post(`/api/v1/results/${resultId}/attachments`)
      .set(as(institute))
      .expect(400);
    expect(response.body.error.code).toBe('INVALID_INPUT');
  });

  it('keeps a draft’s files from everyone but its institute, and lets only it remove them', async () => {
    const uploaded = (
      await request(server.url)
        .post(`/api/v1/results/${resultId}/attachments`)
        .set(as(institute))
        .attach('file', PDF, 'a.pdf')
        .expect(201)
    ).body as AttachmentView;
    await request(server.url)
      .get(`/api/v1/results/${resultId}/attachments/${uploaded.id}`)
      .expect(404);
    const stranger = await registerAccount(server.url, 'institute');
    await request(server.url)
      .get(`/api/v1/results/${resultId}/attachments/${uploaded.id}`)
      .set(as(stranger))
      .expect(404);
    await request(server.url)
      .delete(`/api/v1/results/${resultId}/attachments/${uploaded.id}`)
      .set(as(stranger))
      .expect(403);
    await request(server.url)
      .delete(`/api/v1/results/${resultId}/attachments/${uploaded.id}`)
      .set(as(institute))
      .expect(204);
    expect(existsSync(join(kepai.dataDir, 'uploads', 'results', resultId, uploaded.id))).toBe(
      false,
    );
    await request(server.url)
      .get(`/api/v1/results/${resultId}/attachments/${uploaded.id}`)
      .set(as(institute))
      .expect(404);
  });

  it('takes at most 10 files per result', async () => {
    const count = (
      (await request(server.url).get(`/api/v1/results/${resultId}`).set(as(institute)).expect(200))
        .body as ResultView
    ).attachments.length;
    for (let i = count; i < 10; i++)
      await request(server.url)
        .post(`/api/v1/results/${resultId}/attachments`)
        .set(as(institute))
        .attach('file', PNG, `p${i}.png`)
        .expect(201);
    const refused = await request(server.url)
      .post(`/api/v1/results/${resultId}/attachments`)
      .set(as(institute))
      .attach('file', PNG, 'one-too-many.png')
      .expect(409);
    expect(refused.body.error.code).toBe('CONFLICT');
  });
});
