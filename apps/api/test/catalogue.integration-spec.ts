import request from 'supertest';
import type {
  DemandMatch,
  ResultView,
  SearchResponse,
  SearchResultItem,
  SuggestResponse,
} from '@kepai/contracts';
import type { KepaiServer } from '../src/app/server';
import { registerAccount, type Account } from './support/accounts';
import { TARGET } from './support/environment';
import { startTestKepai, type TestKepai } from './support/test-kepai';

interface Listing {
  title: string;
  summary: string;
  field: string;
  keywords: string[];
  maturity: string;
  transactionModes: string[];
  askingPrice?: number;
  region: string;
}

const LISTINGS: Listing[] = [
  {
    title: '一种石墨烯改性锂电池负极材料及其制备方法',
    summary: '石墨烯包覆纳米硅负极，循环寿命提升 40%，适用于动力电池。',
    field: 'materials',
    keywords: ['石墨烯', '锂电池', 'graphene'],
    maturity: 'pilot',
    transactionModes: ['assignment', 'exclusive_licence'],
    askingPrice: 300_000_000,
    region: '湖北省武汉市',
  },
  {
    title: 'Graphene thermal film 石墨烯导热膜连续制备工艺',
    summary: '卷对卷制备高导热石墨烯膜，导热系数 1500 W/mK。',
    field: 'materials',
    keywords: ['导热膜', 'graphene'],
    maturity: 'production',
    transactionModes: ['ordinary_licence'],
    askingPrice: 80_000_000,
    region: '江苏省常州市',
  },
  {
    title: '基于激光雷达的果园采摘机器人导航系统',
    summary: '融合 lidar 点云与视觉的果园导航，定位误差小于 5 厘米。',
    field: 'agriculture',
    keywords: ['激光雷达', '采摘机器人', 'lidar'],
    maturity: 'lab',
    transactionModes: ['use_first_pay_later', 'ordinary_licence'],
    askingPrice: 5_000_000,
    region: '山东省烟台市',
  },
  {
    title: '钙钛矿太阳能电池封装方法',
    summary: '低温封装提升钙钛矿组件湿热稳定性，1000 小时衰减小于 5%。',
    field: 'energy',
    keywords: ['钙钛矿', '太阳能电池', 'perovskite'],
    maturity: 'lab',
    transactionModes: ['assignment'],
    region: '浙江省杭州市',
  },
  {
    title: '一种用于锂电池回收的湿法冶金工艺',
    summary: '从废旧锂电池中回收镍钴锰，回收率超过 98%。',
    field: 'environment',
    keywords: ['电池回收', '湿法冶金'],
    maturity: 'pilot',
    transactionModes: ['equity', 'assignment'],
    askingPrice: 150_000_000,
    region: '江西省赣州市',
  },
  {
    title: '联邦学习隐私保护医疗影像诊断平台',
    summary: '多家医院联合训练影像模型而不共享数据，AUC 达 0.94。',
    field: 'it',
    keywords: ['联邦学习', '医疗影像', 'federated learning'],
    maturity: 'pilot',
    transactionModes: ['ordinary_licence', 'sole_licence'],
    askingPrice: 60_000_000,
    region: '上海市',
  },
];

describe(`the catalogue on ${TARGET}`, () => {
  let kepai: TestKepai;
  let server: KepaiServer;
  let admin: Account;
  let institute: Account;
  let enterprise: Account;
  let broker: Account;
  const ids: string[] = [];
  const api = () => request(server.url);
  const as = (account: Account) => ({ authorization: `Bearer ${account.token}` });

  function body(listing: Listing) {
    return {
      ...listing,
      description: `${listing.summary}本成果由课题组历时三年完成，已申请发明专利，具备产业化条件，可提供技术培训与中试支持。`,
      patentNumbers: [],
      ...(listing.transactionModes.includes('use_first_pay_later')
        ? {
            ufplTerms: {
              termMonths: 12,
              criteria: ['导航定位误差小于 5 厘米', '连续作业 8 小时无故障'],
              fee: 2_000_000,
              paymentWindowDays: 30,
            },
          }
        : {}),
    };
  }

  async function publish(listing: Listing): Promise<ResultView> {
    const created = (
      await api().post('/api/v1/results').set(as(institute)).send(body(listing)).expect(201)
    ).body as ResultView;
    await api().post(`/api/v1/results/${created.id}/submit`).set(as(institute)).expect(200);
    return (
      await api().post(`/api/v1/admin/results/${created.id}/approve`).set(as(admin)).expect(200)
    ).body as ResultView;
  }

  beforeAll(async () => {
    kepai = await startTestKepai('catalogue', {
      // rank every search afresh, so a favourite lifts a result at once (search-relevance
      // checks the cached rankings)
      env: { KEPAI_SEARCH_RANKING_SECONDS: '0' },
    });
    ({ server, admin } = kepai);
    institute = await kepai.verified('institute', { name: '华中科技成果研究院' });
    enterprise = await kepai.verified('enterprise');
    broker = await kepai.verified('brokerage');
    for (const listing of LISTINGS) ids.push((await publish(listing)).id);
  });

  afterAll(() => kepai?.stop());

  describe('the listing lifecycle', () => {
    it('keeps drafts private, publishes after review, and sends back with a reason', async () => {
      const draft = (
        await api()
          .post('/api/v1/results')
          .set(as(institute))
          .send(body({ ...LISTINGS[0], title: '一种高熵合金涂层的制备方法' }))
          .expect(201)
      ).body as ResultView;
      expect(draft).toMatchObject({
        status: 'draft',
        institute: { id: institute.user.organisation.id, name: '华中科技成果研究院' },
        favourited: false,
      });
      await api().get(`/api/v1/results/${draft.id}`).expect(404);
      await api().get(`/api/v1/results/${draft.id}`).set(as(enterprise)).expect(404);
      await api().get(`/api/v1/results/${draft.id}`).set(as(institute)).expect(200);

      await api().post(`/api/v1/results/${draft.id}/submit`).set(as(institute)).expect(200);
      await api().post(`/api/v1/results/${draft.id}/submit`).set(as(institute)).expect(409);
      const rejected = (
        await api()
          .post(`/api/v1/admin/results/${draft.id}/reject`)
          .set(as(admin))
          .send({ reason: '请补充专利号' })
          .expect(200)
      ).body as ResultView;
      expect(rejected).toMatchObject({ status: 'draft', rejectReason: '请补充专利号' });

      await api()
        .patch(`/api/v1/results/${draft.id}`)
        .set(as(institute))
        .send({ patentNumbers: ['ZL202110345678.9'] })
        .expect(200);
      await api().post(`/api/v1/results/${draft.id}/submit`).set(as(institute)).expect(200);
      const published = (
        await api().post(`/api/v1/admin/results/${draft.id}/approve`).set(as(admin)).expect(200)
      ).body as ResultView;
      expect(published).toMatchObject({
        status: 'published',
        rejectReason: null,
        patentNumbers: ['ZL202110345678.9'],
      });
      expect(published.publishedAt).not.toBeNull();
      await api().get(`/api/v1/results/${draft.id}`).expect(200);

      // an edit of a published result goes back to review and leaves the catalogue until approved
      await api()
        .patch(`/api/v1/results/${draft.id}`)
        .set(as(institute))
        .send({ summary: '涂层硬度提升至 1200 HV，耐磨性提升三倍。' })
        .expect(200);
      const hidden = (await api().get('/api/v1/search/results?q=高熵合金').expect(200))
        .body as SearchResponse;
      expect(hidden.items).toEqual([]);
      await api().post(`/api/v1/admin/results/${draft.id}/approve`).set(as(admin)).expect(200);
      const back = (await api().get('/api/v1/search/results?q=高熵合金').expect(200))
        .body as SearchResponse;
      expect(back.items.map((item) => item.id)).toEqual([draft.id]);

      const withdrawn = await api()
        .delete(`/api/v1/results/${draft.id}`)
        .set(as(institute))
        .expect(200);
      expect(withdrawn.body).toEqual({ deleted: false, status: 'withdrawn' });
      await api().get(`/api/v1/results/${draft.id}`).expect(404);
    });

    it('refuses listing by an unverified institute and by another institute', async () => {
      const unverified = await registerAccount(server.url, 'institute');
      const refused = await api()
        .post('/api/v1/results')
        .set(as(unverified))
        .send(body(LISTINGS[0]))
        .expect(403);
      expect(refused.body.error.code).toBe('ORGANISATION_UNVERIFIED');
      const other = await kepai.verified('institute');
      await api()
        .patch(`/api/v1/results/${ids[0]}`)
        .set(as(other))
        .send({ summary: '被他人篡改的摘要内容。' })
        .expect(403);
      await api().delete(`/api/v1/results/${ids[0]}`).set(as(other)).expect(403);
    });

    it('requires use-first-pay-later terms exactly when that mode is offered', async () => {
      const missing = { ...body(LISTINGS[2]), ufplTerms: undefined };
      expect(
        (await api().post('/api/v1/results').set(as(institute)).send(missing).expect(400)).body
          .error.message,
      ).toMatch(/ufplTerms are required/);
      const stray = {
        ...body(LISTINGS[0]),
        ufplTerms: { termMonths: 6, criteria: ['良率 95%'], fee: 100, paymentWindowDays: 30 },
      };
      expect(
        (await api().post('/api/v1/results').set(as(institute)).send(stray).expect(400)).body.error
          .message,
      ).toMatch(/only apply/);
      const result = (await api().get(`/api/v1/results/${ids[2]}`).expect(200)).body as ResultView;
      expect(result.ufplTerms).toEqual({
        termMonths: 12,
        criteria: ['导航定位误差小于 5 厘米', '连续作业 8 小时无故障'],
        fee: 2_000_000,
        paymentWindowDays: 30,
      });
    });

    it('refuses money that is not integer fen', async () => {
      const response = await api()
        .post('/api/v1/results')
        .set(as(institute))
        .send({ ...body(LISTINGS[0]), askingPrice: 1999.5 })
        .expect(400);
      expect(response.body.error.message).toMatch(/askingPrice must be an integer number of fen/);
    });
  });

  describe('review findings', () => {
    it('refuses null for fields that cannot be empty, and drops pay-later terms with the mode', async () => {
      const created = (
        await api().post('/api/v1/results').set(as(institute)).send(body(LISTINGS[2])).expect(201)
      ).body as ResultView;
      for (const field of ['title', 'transactionModes', 'askingPrice', 'keywords']) {
        const response = await api()
          .patch(`/api/v1/results/${created.id}`)
          .set(as(institute))
          .send({ [field]: null })
          .expect(400);
        expect(response.body.error.code).toBe('INVALID_INPUT');
      }
      expect(
        (
          await api()
            .patch(`/api/v1/results/${created.id}`)
            .set(as(institute))
            .send({ ufplTerms: null })
            .expect(400)
        ).body.error.message,
      ).toMatch(/ufplTerms are required/);
      const dropped = (
        await api()
          .patch(`/api/v1/results/${created.id}`)
          .set(as(institute))
          .send({ transactionModes: ['ordinary_licence'] })
          .expect(200)
      ).body as ResultView;
      expect(dropped.transactionModes).toEqual(['ordinary_licence']);
      expect(dropped.ufplTerms).toBeUndefined();
    });

    it('keeps the first broker’s link to a demand; only that broker may change its note', async () => {
      const demand = (
        await api()
          .post('/api/v1/demands')
          .set(as(enterprise))
          .send({
            title: '寻求储能电池技术',
            description: '用于工商业储能柜，循环 6000 次。',
            field: 'energy',
          })
          .expect(201)
      ).body as { id: string };
      await api()
        .post(`/api/v1/demands/${demand.id}/links`)
        .set(as(broker))
        .send({ resultId: ids[0], note: '原始推荐' })
        .expect(201);
      const rival = await kepai.verified('brokerage');
      const refused = await api()
        .post(`/api/v1/demands/${demand.id}/links`)
        .set(as(rival))
        .send({ resultId: ids[0], note: '抢占推荐' })
        .expect(409);
      expect(refused.body.error.code).toBe('CONFLICT');
      const updated = (
        await api()
          .post(`/api/v1/demands/${demand.id}/links`)
          .set(as(broker))
          .send({ resultId: ids[0], note: '更新推荐理由' })
          .expect(201)
      ).body as DemandMatch[];
      expect(updated[0].linkedBy).toMatchObject({
        brokerId: broker.user.organisation.id,
        note: '更新推荐理由',
      });
    });

    it('sends a published result back to review when its files change', async () => {
      const published = await publish({ ...LISTINGS[3], title: '一种光伏组件清洗机器人' });
      const pdf = Buffer.from('%PDF-1.7\n%%EOF\n');
      await api()
        .post(`/api/v1/results/${published.id}/attachments`)
        .set(as(institute))
        .attach('file', pdf, 'new.pdf')
        .expect(201);
      const after = (
        await api().get(`/api/v1/results/${published.id}`).set(as(institute)).expect(200)
      ).body as ResultView;
      expect(after.status).toBe('pending_review');
      await api().get(`/api/v1/results/${published.id}`).expect(404);
    });

    it('refuses well-formed cursors whose key does not fit the sort', async () => {
      const id = ids[0];
      for (const forged of [
        ['newest', 123, id],
        ['price_asc', 'abc', id],
        ['relevance', 'x', id],
        ['newest', '2026-11-22T00:00:00Z', '-'.repeat(36)],
      ]) {
        const cursor = Buffer.from(JSON.stringify(forged)).toString('base64url');
        const response = await api()
          .get(`/api/v1/search/results?sort=${forged[0]}&cursor=${cursor}`)
          .expect(400);
        expect(response.body.error.code).toBe('INVALID_INPUT');
      }
    });
  });

  describe('search', () => {
    const search = async (query: string): Promise<SearchResponse> =>
      (await api().get(`/api/v1/search/results?${query}`).expect(200)).body as SearchResponse;

    it('finds a two-character Chinese query through its bigram, and highlights it', async () => {
      const found = await search(`q=${encodeURIComponent('电池')}`);
      const titles = found.items.map((item) => item.title);
      expect(titles).toEqual(
        expect.arrayContaining([LISTINGS[0].title, LISTINGS[3].title, LISTINGS[4].title]),
      );
      expect(found.total).toBe(3);
      expect(found.items.find((item) => item.id === ids[0])?.titleHighlighted).toContain('«电池»');
    });

    it('needs every word, and matches English words case-insensitively', async () => {
      expect(
        (await search(`q=${encodeURIComponent('石墨烯 导热')}`)).items.map((item) => item.id),
      ).toEqual([ids[1]]);
      expect((await search('q=GRAPHENE')).items.map((item) => item.id).sort()).toEqual(
        [ids[0], ids[1]].sort(),
      );
      expect((await search('q=lidar')).items.map((item) => item.id)).toEqual([ids[2]]);
    });

    it('forgives a misspelt English word through trigrams', async () => {
      const found = await search('q=grapheen');
      expect(found.items.map((item) => item.id).sort()).toEqual([ids[0], ids[1]].sort());
      const perovskite = await search('q=perovskit');
      expect(perovskite.items.map((item) => item.id)).toEqual([ids[3]]);
    });

    it('counts facets by the other active filters', async () => {
      const found = await search(`q=${encodeURIComponent('电池')}&field=materials`);
      expect(found.total).toBe(1);
      // the field facet ignores the field filter, so every field of the query is still offered
      expect(found.facets.field).toEqual(
        expect.arrayContaining([
          { value: 'materials', count: 1 },
          { value: 'energy', count: 1 },
          { value: 'environment', count: 1 },
        ]),
      );
      // the mode facet honours it
      expect(found.facets.mode.map((facet) => facet.value).sort()).toEqual([
        'assignment',
        'exclusive_licence',
      ]);
      expect(found.facets.institute).toEqual([
        { value: institute.user.organisation.id, label: '华中科技成果研究院', count: 1 },
      ]);
      expect(found.facets.priceBand).toEqual([{ value: '1m_5m', count: 1 }]);
    });

    it('filters by mode, maturity, region, price band and institute without a query', async () => {
      expect((await search('mode=use_first_pay_later')).items.map((item) => item.id)).toEqual([
        ids[2],
      ]);
      expect((await search('maturity=production')).items.map((item) => item.id)).toEqual([ids[1]]);
      expect(
        (await search(`region=${encodeURIComponent('上海市')}`)).items.map((item) => item.id),
      ).toEqual([ids[5]]);
      const band = await search('priceMin=50000000&priceMax=100000000');
      expect(band.items.map((item) => item.id).sort()).toEqual([ids[1], ids[5]].sort());
      expect(
        (await search(`institute=${institute.user.organisation.id}`)).total,
      ).toBeGreaterThanOrEqual(LISTINGS.length);
      const negotiable = (await search('')).facets.priceBand.find(
        (facet) => facet.value === 'negotiable',
      );
      expect(negotiable?.count).toBe(1);
    });

    it.each(['newest', 'price_asc', 'price_desc', 'relevance'])(
      'pages through every hit exactly once, sorted %s',
      async (sort) => {
        const seen: SearchResponse['items'] = [];
        let cursor: string | undefined;
        for (let page = 0; page < 10; page++) {
          const found = await search(`sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
          seen.push(...found.items);
          cursor = found.nextCursor;
          if (cursor === undefined) break;
        }
        const all = await search(`sort=${sort}&limit=50`);
        expect(seen.map((item) => item.id)).toEqual(all.items.map((item) => item.id));
        expect(new Set(seen.map((item) => item.id)).size).toBe(all.total);
        if (sort === 'price_asc') {
          const prices = seen.map((item) => item.askingPrice);
          expect(prices[prices.length - 1]).toBeNull();
          const numeric = prices.filter((price): price is number => price !== null);
          expect(numeric).toEqual([...numeric].sort((a, b) => a - b));
        }
      },
    );

    it.each(['relevance', 'newest', 'price_asc', 'price_desc'])(
      'pages through every hit of a text search exactly once, sorted %s',
      async (sort) => {
        // every description says 成果, so this matches every listing
        const q = `q=${encodeURIComponent('成果')}&sort=${sort}`;
        const all = await search(`${q}&limit=50`);
        expect(all.total).toBeGreaterThanOrEqual(LISTINGS.length);
        const seen: string[] = [];
        let cursor: string | undefined;
        for (let page = 0; page < 50; page++) {
          const found = await search(`${q}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
          expect(found.total).toBe(all.total);
          seen.push(...found.items.map((item) => item.id));
          cursor = found.nextCursor;
          if (cursor === undefined) break;
        }
        expect(seen).toEqual(all.items.map((item) => item.id));
        if (sort === 'newest') {
          const times = all.items.map((item) => Date.parse(item.publishedAt));
          expect(times).toEqual([...times].sort((a, b) => b - a));
        }
        if (sort === 'price_desc') {
          const prices = all.items.map((item) => item.askingPrice);
          expect(prices[prices.length - 1]).toBeNull();
          const numeric = prices.filter((price): price is number => price !== null);
          expect(numeric).toEqual([...numeric].sort((a, b) => b - a));
        }
      },
    );

    it('ranks the words in a title above a passing mention in a description, however popular', async () => {
      const mention = await publish({
        ...LISTINGS[5],
        title: '工业互联网设备预测性维护平台',
        summary: '振动与温度数据驱动的设备故障预测，停机时间减少 30%。',
        keywords: ['预测性维护', '工业互联网'],
      });
      await request(server.url).get('/api/v1/health').expect(200);
      // a very popular listing that mentions 电池 only in its description
      await server.app
        .get((await import('typeorm')).DataSource)
        .query(
          `UPDATE result SET favourite_count = 1000, description = description || '可用于电池产线设备。' WHERE id = $1`,
          [mention.id],
        );
      await server.app
        .get((await import('typeorm')).DataSource)
        .query(
          `UPDATE result SET search_vector = search_vector || '''电池'':999D'::tsvector WHERE id = $1`,
          [mention.id],
        );
      const found = await search(`q=${encodeURIComponent('电池')}`);
      expect(found.items.map((item) => item.id)).toContain(mention.id);
      expect(found.items[0].title).toContain('电池');
      expect(found.items[found.items.length - 1].id).toBe(mention.id);
    });

    it('refuses a forged cursor and a bad filter with INVALID_INPUT', async () => {
      expect(
        (await api().get('/api/v1/search/results?cursor=bm9wZQ').expect(400)).body.error.code,
      ).toBe('INVALID_INPUT');
      expect(
        (await api().get('/api/v1/search/results?field=astrology').expect(400)).body.error.message,
      ).toMatch(/field must be among/);
      expect(
        (await api().get('/api/v1/search/results?limit=500').expect(400)).body.error.code,
      ).toBe('INVALID_INPUT');
    });

    it('answers odd queries without error', async () => {
      for (const q of ["'", '& | !', '((', '\\', '碳', '　', 'a'.repeat(100)]) {
        await api()
          .get(`/api/v1/search/results?q=${encodeURIComponent(q)}`)
          .expect(200);
      }
    });

    it('suggests titles as the user types, the last word as a prefix', async () => {
      const suggested = (
        await api()
          .get(`/api/v1/search/suggest?q=${encodeURIComponent('钙钛')}`)
          .expect(200)
      ).body as SuggestResponse;
      expect(suggested.items.map((item) => item.id)).toEqual([ids[3]]);
      const prefix = (await api().get('/api/v1/search/suggest?q=feder').expect(200))
        .body as SuggestResponse;
      expect(prefix.items.map((item) => item.id)).toEqual([ids[5]]);
    });

    it('shows similar results on a result', async () => {
      const similar = (await api().get(`/api/v1/results/${ids[0]}/similar`).expect(200))
        .body as Array<{ id: string }>;
      expect(similar.map((item) => item.id)).not.toContain(ids[0]);
      expect(similar.map((item) => item.id)).toContain(ids[1]);
    });
  });

  describe('favourites and views', () => {
    it('counts a favourite once per user, and takes it back', async () => {
      for (let i = 0; i < 2; i++) {
        const response = await api()
          .post(`/api/v1/results/${ids[4]}/favourite`)
          .set(as(enterprise))
          .expect(200);
        expect(response.body).toEqual({ favourited: true, favouriteCount: 1 });
      }
      const shown = (await api().get(`/api/v1/results/${ids[4]}`).set(as(enterprise)).expect(200))
        .body as ResultView;
      expect(shown).toMatchObject({ favourited: true, favouriteCount: 1 });
      for (let i = 0; i < 2; i++) {
        const response = await api()
          .delete(`/api/v1/results/${ids[4]}/favourite`)
          .set(as(enterprise))
          .expect(200);
        expect(response.body).toEqual({ favourited: false, favouriteCount: 0 });
      }
    });

    it('lists my favourites, the latest first, and only mine', async () => {
      await api().post(`/api/v1/results/${ids[1]}/favourite`).set(as(broker)).expect(200);
      await api().post(`/api/v1/results/${ids[2]}/favourite`).set(as(broker)).expect(200);
      await api().post(`/api/v1/results/${ids[3]}/favourite`).set(as(institute)).expect(200);
      const mine = (await api().get('/api/v1/me/favourites').set(as(broker)).expect(200))
        .body as SearchResultItem[];
      expect(mine.map((item) => item.id)).toEqual([ids[2], ids[1]]);
      expect(mine[0]).toMatchObject({ id: ids[2], favouriteCount: 1 });
      await api().delete(`/api/v1/results/${ids[2]}/favourite`).set(as(broker)).expect(200);
      await api().delete(`/api/v1/results/${ids[1]}/favourite`).set(as(broker)).expect(200);
      await api().delete(`/api/v1/results/${ids[3]}/favourite`).set(as(institute)).expect(200);
      expect((await api().get('/api/v1/me/favourites').set(as(broker)).expect(200)).body).toEqual(
        [],
      );
      await api().get('/api/v1/me/favourites').expect(401);
    });

    it('counts one view per viewer per day however often the page is opened', async () => {
      const before = (
        (await api().get(`/api/v1/results/${ids[5]}`).set(as(institute)).expect(200))
          .body as ResultView
      ).viewCount;
      for (let i = 0; i < 3; i++)
        await api().get(`/api/v1/results/${ids[5]}`).set(as(enterprise)).expect(200);
      await api().get(`/api/v1/results/${ids[5]}`).set(as(broker)).expect(200);
      const after = (
        (await api().get(`/api/v1/results/${ids[5]}`).set(as(institute)).expect(200))
          .body as ResultView
      ).viewCount;
      expect(after - before).toBe(2);
    });

    it('lifts favourited results in the relevance order', async () => {
      const before = await search2(`q=${encodeURIComponent('石墨烯')}`);
      const second = before.items[1].id;
      const fans = [enterprise, broker, admin, institute];
      for (const fan of fans)
        await api().post(`/api/v1/results/${second}/favourite`).set(as(fan)).expect(200);
      const after = await search2(`q=${encodeURIComponent('石墨烯')}`);
      expect(after.items[0].id).toBe(second);
    });

    async function search2(query: string): Promise<SearchResponse> {
      return (await api().get(`/api/v1/search/results?${query}`).expect(200))
        .body as SearchResponse;
    }
  });

  describe('demands and matching', () => {
    it('ranks results for a demand, and puts a broker’s link first for the enterprise to see', async () => {
      const demand = (
        await api()
          .post('/api/v1/demands')
          .set(as(enterprise))
          .send({
            title: '寻求锂电池负极材料技术',
            description: '我司生产动力电池，希望引进石墨烯负极技术，提升循环寿命。',
            field: 'materials',
            budget: 500_000_000,
            deadline: '2027-06-30',
          })
          .expect(201)
      ).body as { id: string };
      const matches = (
        await api().get(`/api/v1/demands/${demand.id}/matches`).set(as(enterprise)).expect(200)
      ).body as DemandMatch[];
      expect(matches[0].result.id).toBe(ids[0]);
      expect(matches.every((match) => match.linkedBy === undefined)).toBe(true);

      await api()
        .post(`/api/v1/demands/${demand.id}/links`)
        .set(as(broker))
        .send({ resultId: ids[4], note: '回收工艺可降低原料成本' })
        .expect(201);
      const linked = (
        await api().get(`/api/v1/demands/${demand.id}/matches`).set(as(enterprise)).expect(200)
      ).body as DemandMatch[];
      expect(linked[0].result.id).toBe(ids[4]);
      expect(linked[0].linkedBy).toMatchObject({
        brokerId: broker.user.organisation.id,
        note: '回收工艺可降低原料成本',
      });
      expect(linked.filter((match) => match.result.id === ids[4])).toHaveLength(1);

      const mine = (await api().get('/api/v1/demands').set(as(enterprise)).expect(200))
        .body as Array<{ id: string; budget: number; deadline: string }>;
      expect(mine.find((item) => item.id === demand.id)).toMatchObject({
        budget: 500_000_000,
        deadline: '2027-06-30',
      });
      const brokers = (await api().get('/api/v1/demands').set(as(broker)).expect(200))
        .body as Array<{ id: string }>;
      expect(brokers.map((item) => item.id)).toContain(demand.id);
    });

    it('keeps a demand from other enterprises and from institutes', async () => {
      const demand = (
        await api()
          .post('/api/v1/demands')
          .set(as(enterprise))
          .send({
            title: '寻求污水处理技术',
            description: '印染废水深度处理，COD 低于 50。',
            field: 'environment',
          })
          .expect(201)
      ).body as { id: string };
      const rival = await registerAccount(server.url, 'enterprise');
      await api().get(`/api/v1/demands/${demand.id}`).set(as(rival)).expect(403);
      await api().get(`/api/v1/demands/${demand.id}/matches`).set(as(institute)).expect(403);
      const theirs = (await api().get('/api/v1/demands').set(as(rival)).expect(200))
        .body as unknown[];
      expect(theirs).toEqual([]);
    });
  });
});
