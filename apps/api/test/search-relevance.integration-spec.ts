/**
 * Relevance: a labelled set of queries against 3,000 generated results plus 15 hand-written
 * listings. Each query names the listing that must be in its first page of 10. Queries cover
 * two-character and longer Chinese, English, mixed, misspelt English and filters alone.
 */
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import {
  generateInstitutes,
  iterateResults,
  seedInstitutes,
  seedResults,
  type GeneratedResult,
} from '@kepai/api-catalogue';
import type { SearchResponse } from '@kepai/contracts';
import { startKepai, type KepaiServer } from '../src/app/server';
import {
  TARGET,
  freshDatabase,
  tempFolder,
  testConfig,
  type TestDatabase,
  type TestFolder,
} from './support/environment';

const GENERATED = 3_000;
const SEED = 7;

type Anchor = Pick<
  GeneratedResult,
  'title' | 'summary' | 'field' | 'keywords' | 'maturity' | 'transactionModes'
> & { key: string };

/** Listings a person wrote, each with words the generated catalogue rarely or never uses. */
const ANCHORS: Anchor[] = [
  {
    key: 'artemisinin',
    title: '青蒿素衍生物抗疟新药的绿色合成工艺',
    summary: '以青蒿酸为原料一锅法合成双氢青蒿素，收率提升至 85%，溶剂用量减少一半。',
    field: 'biomed',
    keywords: ['青蒿素', '抗疟', 'artemisinin'],
    maturity: 'pilot',
    transactionModes: ['assignment'],
  },
  {
    key: 'sodium',
    title: '钠离子电池层状氧化物正极材料及其制备方法',
    summary: '铜铁锰基层状氧化物正极，比容量 135 mAh/g，适用于 sodium-ion 储能电池。',
    field: 'energy',
    keywords: ['钠离子电池', '正极材料', 'sodium-ion'],
    maturity: 'pilot',
    transactionModes: ['exclusive_licence'],
  },
  {
    key: 'fatigue',
    title: '基于毫米波雷达的驾驶员疲劳监测系统',
    summary: '非接触式毫米波 radar 监测心率与呼吸，疲劳识别准确率 96%。',
    field: 'it',
    keywords: ['毫米波雷达', '疲劳监测', 'radar'],
    maturity: 'lab',
    transactionModes: ['ordinary_licence'],
  },
  {
    key: 'methane',
    title: '稻田甲烷减排的干湿交替水分管理技术',
    summary: '通过干湿交替灌溉减少稻田甲烷排放 40%，水稻不减产。',
    field: 'agriculture',
    keywords: ['稻田', '甲烷减排', '节水灌溉'],
    maturity: 'production',
    transactionModes: ['ordinary_licence'],
  },
  {
    key: 'maglev',
    title: '磁悬浮离心式鼓风机及其控制方法',
    summary: '磁悬浮轴承无接触运行，污水厂曝气能耗降低 30%。',
    field: 'manufacturing',
    keywords: ['磁悬浮', '鼓风机', '曝气'],
    maturity: 'production',
    transactionModes: ['assignment', 'equity'],
  },
  {
    key: 'pultrusion',
    title: '风电叶片用碳纤维拉挤板连续成型工艺',
    summary: '碳纤维 pultrusion 拉挤板主梁，叶片减重 15%，生产速度每分钟 0.8 米。',
    field: 'materials',
    keywords: ['拉挤', '碳纤维', 'pultrusion'],
    maturity: 'pilot',
    transactionModes: ['sole_licence'],
  },
  {
    key: 'osmosis',
    title: '抗污染反渗透膜的表面接枝改性方法',
    summary: '两性离子接枝的反渗透膜，海水淡化通量衰减减半，适用于 reverse osmosis 工程。',
    field: 'environment',
    keywords: ['反渗透膜', '海水淡化', 'osmosis'],
    maturity: 'lab',
    transactionModes: ['assignment'],
  },
  {
    key: 'sulfide',
    title: '硫化物固态电解质薄膜的干法制备工艺',
    summary: '无溶剂干法成膜的 sulfide 固态电解质，室温离子电导率 5 mS/cm。',
    field: 'materials',
    keywords: ['固态电解质', '硫化物', 'sulfide'],
    maturity: 'lab',
    transactionModes: ['exclusive_licence'],
  },
  {
    key: 'spraying',
    title: '茶园病虫害无人机精准施药系统',
    summary: '多光谱识别病虫害区域，UAV 变量施药，农药用量减少 35%。',
    field: 'agriculture',
    keywords: ['无人机', '精准施药', 'UAV'],
    maturity: 'production',
    transactionModes: ['use_first_pay_later'],
  },
  {
    key: 'haptic',
    title: '腹腔镜手术机器人的力反馈主手',
    summary: '七自由度 haptic 主手，力反馈分辨率 0.05 牛，医生操作更直观。',
    field: 'biomed',
    keywords: ['手术机器人', '力反馈', 'haptic'],
    maturity: 'pilot',
    transactionModes: ['sole_licence'],
  },
  {
    key: 'pem',
    title: '氢燃料电池增强型质子交换膜',
    summary: '膨体聚四氟乙烯增强的质子交换膜，耐久性超过 20000 小时。',
    field: 'energy',
    keywords: ['质子交换膜', '氢燃料电池', 'PEM'],
    maturity: 'pilot',
    transactionModes: ['assignment'],
  },
  {
    key: 'fingerprint',
    title: '中药材指纹图谱质量控制方法',
    summary: '基于高效液相色谱指纹图谱的中药材真伪鉴别与质量分级。',
    field: 'biomed',
    keywords: ['指纹图谱', '中药材', '质量控制'],
    maturity: 'production',
    transactionModes: ['ordinary_licence'],
  },
  {
    key: 'plasma',
    title: '低温等离子体协同催化的工业废气处理装置',
    summary: '等离子体与催化剂协同降解挥发性有机物，去除率 95%。',
    field: 'environment',
    keywords: ['等离子体', '废气处理', 'VOCs'],
    maturity: 'pilot',
    transactionModes: ['equity'],
  },
  {
    key: 'quantum',
    title: '无镉量子点显示材料的合成方法',
    summary: '磷化铟 quantum dot 色域达 BT.2020 的 90%，适用于 Mini-LED 背光。',
    field: 'materials',
    keywords: ['量子点', 'quantum dot', '显示材料'],
    maturity: 'lab',
    transactionModes: ['exclusive_licence'],
  },
  {
    key: 'crispr',
    title: '基于CRISPR的水稻抗倒伏基因编辑育种方法',
    summary: '编辑株高调控基因，水稻抗倒伏能力提升且产量不降。',
    field: 'agriculture',
    keywords: ['CRISPR', '基因编辑', '水稻'],
    maturity: 'research',
    transactionModes: ['assignment'],
  },
];

/** [kind, query string, the listing that must be among the first 10] */
const LABELLED: Array<[string, string, string]> = [
  ['zh-2', 'q=青蒿', 'artemisinin'],
  ['zh-long', 'q=青蒿素 抗疟', 'artemisinin'],
  ['en', 'q=artemisinin', 'artemisinin'],
  ['typo', 'q=artemisnin', 'artemisinin'],
  ['zh-2', 'q=钠离', 'sodium'],
  ['zh-long', 'q=钠离子电池 正极', 'sodium'],
  ['en', 'q=sodium-ion', 'sodium'],
  // 毫米波雷达 alone is in many generated titles; with 驾驶员 it means this listing
  ['zh-long', 'q=毫米波 驾驶员', 'fatigue'],
  ['zh-2', 'q=疲劳', 'fatigue'],
  ['mixed', 'q=radar 疲劳', 'fatigue'],
  ['zh-long', 'q=稻田 甲烷', 'methane'],
  ['zh-long', 'q=磁悬浮 鼓风机', 'maglev'],
  ['zh-long', 'q=鼓风机', 'maglev'],
  ['zh-2', 'q=拉挤', 'pultrusion'],
  ['en', 'q=pultrusion', 'pultrusion'],
  ['typo', 'q=pultrusoin', 'pultrusion'],
  ['zh-long', 'q=反渗透膜', 'osmosis'],
  ['en', 'q=osmosis', 'osmosis'],
  ['zh-long', 'q=硫化物 固态电解质', 'sulfide'],
  ['en', 'q=sulfide', 'sulfide'],
  ['zh-2', 'q=施药', 'spraying'],
  ['mixed', 'q=UAV 施药', 'spraying'],
  ['zh-long', 'q=力反馈', 'haptic'],
  ['en', 'q=haptic', 'haptic'],
  ['typo', 'q=haptik', 'haptic'],
  ['zh-long', 'q=质子交换膜', 'pem'],
  ['zh-long', 'q=指纹图谱', 'fingerprint'],
  ['zh-long', 'q=等离子体 废气', 'plasma'],
  ['en', 'q=quantum dot', 'quantum'],
  ['typo', 'q=quantom', 'quantum'],
  ['mixed', 'q=CRISPR 水稻', 'crispr'],
  ['filter', 'field=agriculture&mode=use_first_pay_later&sort=newest', 'spraying'],
  ['filter', 'field=biomed&maturity=production&sort=newest', 'fingerprint'],
  ['filter+zh', 'q=甲烷&field=agriculture&maturity=production', 'methane'],
];

describe(`search relevance on ${TARGET} (${GENERATED} generated results + ${ANCHORS.length} hand-written)`, () => {
  let database: TestDatabase;
  let folder: TestFolder;
  let server: KepaiServer;
  const ids = new Map<string, string>();

  beforeAll(async () => {
    database = await freshDatabase();
    folder = tempFolder('relevance');
    server = await startKepai(testConfig(database, join(folder.path, 'data')));
    const dataSource = server.app.get(DataSource);
    const generated = generateInstitutes(SEED, 12);
    const anchorInstitute = generateInstitutes(SEED + 1, 1)[0];
    const institutes = await seedInstitutes(dataSource.manager, [
      ...generated.map((institute) => ({
        key: institute.key,
        organisationId: null,
        generated: institute,
      })),
      { key: 'anchor', organisationId: null, generated: anchorInstitute },
    ]);
    const now = new Date();
    await seedResults(dataSource, iterateResults(SEED, GENERATED, generated), institutes, now);
    const anchors: GeneratedResult[] = ANCHORS.map((anchor) => ({
      ...anchor,
      instituteKey: 'anchor',
      description: `${anchor.summary}项目组完成了小试与中试验证，已申请发明专利，可提供工艺包与技术培训。`,
      patentNumbers: [],
      patentStatus: null,
      ipcClass: 'A01B',
      askingPrice: 100_000_000,
      region: '上海市',
      team: ['陈明 教授', '李华'],
      ufplTerms: anchor.transactionModes.includes('use_first_pay_later')
        ? {
            termMonths: 12,
            criteria: ['农药用量减少 30% 以上'],
            fee: 5_000_000,
            paymentWindowDays: 30,
          }
        : null,
      // listed a moment ago: the newest listings
      createdDaysAgo: -0.001,
      viewCount: 0,
      favouriteCount: 0,
    }));
    await seedResults(dataSource, anchors, institutes, now);
    const rows: Array<{ id: string; title: string }> = await dataSource.query(
      `SELECT id, title FROM result WHERE title = ANY($1::text[])`,
      [ANCHORS.map((anchor) => anchor.title)],
    );
    for (const anchor of ANCHORS)
      ids.set(anchor.key, rows.find((row) => row.title === anchor.title)?.id ?? 'missing');
  });

  afterAll(async () => {
    await server?.stop();
    await database?.drop();
    folder?.remove();
  });

  it(`has at least 30 labelled queries of every kind`, () => {
    expect(LABELLED.length).toBeGreaterThanOrEqual(30);
    expect(new Set(LABELLED.map(([kind]) => kind))).toEqual(
      new Set(['zh-2', 'zh-long', 'en', 'typo', 'mixed', 'filter', 'filter+zh']),
    );
  });

  it.each(LABELLED)('%s: %s finds %s in the first 10', async (_, query, key) => {
    const response = await request(server.url)
      .get(`/api/v1/search/results?${query}&limit=10`)
      .expect(200);
    const found = response.body as SearchResponse;
    const position = found.items.findIndex((item) => item.id === ids.get(key));
    if (position < 0) {
      throw new Error(
        `${query}: ${key} is not in the first 10 of ${found.total}: ${found.items.map((item) => item.title).join(' | ')}`,
      );
    }
    expect(position).toBeLessThan(10);
  });

  describe('cached counts and rankings', () => {
    const search = async (query: string): Promise<SearchResponse> =>
      (await request(server.url).get(`/api/v1/search/results?${query}`).expect(200))
        .body as SearchResponse;
    const sql = (text: string, params: unknown[]) => server.app.get(DataSource).query(text, params);

    it('counts a result that leaves or rejoins the catalogue at once', async () => {
      const q = `q=${encodeURIComponent('钠离子')}`;
      const before = await search(q);
      const sodium = ids.get('sodium');
      expect(before.items.map((item) => item.id)).toContain(sodium);
      await sql(`UPDATE result SET status = 'withdrawn' WHERE id = $1`, [sodium]);
      const without = await search(q);
      expect(without.total).toBe(before.total - 1);
      expect(without.items.map((item) => item.id)).not.toContain(sodium);
      const energy = (found: SearchResponse) =>
        found.facets.field.find((facet) => facet.value === 'energy')?.count ?? 0;
      expect(energy(without)).toBe(energy(before) - 1);
      await sql(`UPDATE result SET status = 'published' WHERE id = $1`, [sodium]);
      const back = await search(q);
      expect(back.total).toBe(before.total);
      expect(back.items.map((item) => item.id)).toEqual(before.items.map((item) => item.id));
    });

    it('keeps a ranking for a while when only favourites move, but shows the counts live', async () => {
      const q = `q=${encodeURIComponent('电池')}&limit=5`;
      const before = await search(q);
      expect(before.items.length).toBeGreaterThan(1);
      const last = before.items[before.items.length - 1];
      await sql(`UPDATE result SET favourite_count = favourite_count + 5000 WHERE id = $1`, [
        last.id,
      ]);
      const after = await search(q);
      expect(after.items.map((item) => item.id)).toEqual(before.items.map((item) => item.id));
      expect(after.items[after.items.length - 1].favouriteCount).toBe(last.favouriteCount + 5000);
      await sql(`UPDATE result SET favourite_count = favourite_count - 5000 WHERE id = $1`, [
        last.id,
      ]);
    });

    it('shows a renamed institute under its new name', async () => {
      const found = await search(`q=${encodeURIComponent('拉挤')}`);
      const institute = found.facets.institute[0];
      await sql(`UPDATE organisation SET name = name || '（更名）' WHERE id = $1`, [
        institute.value,
      ]);
      const renamed = await search(`q=${encodeURIComponent('拉挤')}`);
      expect(renamed.facets.institute.find((facet) => facet.value === institute.value)?.label).toBe(
        `${institute.label}（更名）`,
      );
    });
  });
});
