import type { EChartsOption } from 'echarts';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { StatsOverview } from '@kepai/contracts';
import { setupI18n } from '../../../i18n/i18n';
import {
  conversionOption,
  demandsOption,
  fieldOption,
  monthLabel,
  moneyFormatter,
  organisationTypeOption,
  percent,
  regionOption,
  turnoverByMonthOption,
} from './charts';

const i18n = setupI18n('zh-CN');

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);
// jsdom has no canvas to measure text with: a rough width per character lays the axes out
echarts.setPlatformAPI({ measureText: (text) => ({ width: (text?.length ?? 0) * 7 }) });

/** The texts ECharts draws for an option (axis labels, legend), rendered as the browser would. */
function drawnTexts(option: EChartsOption): string[] {
  const chart = echarts.init(null, undefined, {
    renderer: 'svg',
    ssr: true,
    width: 800,
    height: 400,
  });
  try {
    chart.setOption(option);
    const svg = chart.renderToSVGString();
    return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) => match[1]);
  } finally {
    chart.dispose();
  }
}

const stats: StatsOverview = {
  generatedAt: '2026-11-22T06:00:00.000Z',
  totals: { turnover: 312_850_000, deals: 3 },
  byMonth: [
    { month: '2026-10', turnover: 0, deals: 0 },
    { month: '2026-11', turnover: 312_850_000, deals: 3 },
  ],
  byField: [
    { field: 'it', turnover: 12_850_000, deals: 1 },
    { field: 'energy', turnover: 300_000_000, deals: 2 },
  ],
  byRegion: [
    { region: '北京', turnover: 300_000_000, deals: 2 },
    { region: '上海', turnover: 12_850_000, deals: 1 },
  ],
  byOrganisationType: {
    seller: [
      { type: 'institute', turnover: 312_850_000, deals: 3 },
      { type: 'enterprise', turnover: 0, deals: 0 },
      { type: 'brokerage', turnover: 0, deals: 0 },
    ],
    buyer: [
      { type: 'institute', turnover: 0, deals: 0 },
      { type: 'enterprise', turnover: 312_850_000, deals: 3 },
      { type: 'brokerage', turnover: 0, deals: 0 },
    ],
  },
  conversion: {
    listed: 12,
    sold: 5,
    rate: 0.4167,
    byField: [
      { field: 'it', listed: 4, sold: 1, rate: 0.25 },
      { field: 'energy', listed: 8, sold: 4, rate: 0.5 },
    ],
  },
  topInstitutes: [],
  topBrokers: [],
  openDemands: { count: 0, byField: [] },
};

/** The series of an option, as the tests read them. */
function series(option: { series?: unknown }) {
  return option.series as Array<{
    name: string;
    data: number[];
    tooltip?: { valueFormatter?: (value: unknown) => string };
  }>;
}

describe('the dashboard charts', () => {
  afterEach(() => i18n.changeLanguage('zh-CN'));

  it('shows money in ¥, in 万 for Chinese, on axes and in tooltips', () => {
    expect(moneyFormatter('zh-CN')(312_850_000)).toBe('¥312.85万');
    expect(moneyFormatter('en')(312_850_000)).toBe('¥3,128,500');
    const option = turnoverByMonthOption(stats, i18n.t, 'zh-CN');
    const [turnover, deals] = series(option);
    expect(turnover.name).toBe('成交额');
    expect(turnover.data).toEqual([0, 312_850_000]);
    expect(turnover.tooltip?.valueFormatter?.(12_850_000)).toBe('¥12.85万');
    expect(deals.data).toEqual([0, 3]);
    const axes = option.yAxis as Array<{ axisLabel?: { formatter?: (value: unknown) => string } }>;
    expect(axes[0].axisLabel?.formatter?.(100_000_000)).toBe('¥100万');
  });

  it('labels months, fields and organisation types in the page’s language', async () => {
    expect(monthLabel('2026-03', 'zh-CN')).toBe('26年3月');
    expect(monthLabel('2026-03', 'en')).toBe('Mar 26');
    expect((fieldOption(stats, i18n.t, 'zh-CN').xAxis as { data: string[] }).data).toEqual([
      '信息技术',
      '新能源',
    ]);
    await i18n.changeLanguage('en');
    const types = organisationTypeOption(stats, i18n.t, 'en');
    expect((types.xAxis as { data: string[] }).data).toEqual([
      'Institute',
      'Enterprise',
      'Brokerage',
    ]);
    expect(series(types).map((s) => s.data)).toEqual([
      [312_850_000, 0, 0],
      [0, 312_850_000, 0],
    ]);
  });

  it('puts the largest region on top', () => {
    const option = regionOption(stats, i18n.t, 'zh-CN');
    expect((option.yAxis as { data: string[] }).data).toEqual(['上海', '北京']);
    expect(series(option)[0].data).toEqual([12_850_000, 300_000_000]);
  });

  it('shows conversion as listed, sold and a percentage', () => {
    expect(percent(0.4167)).toBe('41.7%');
    expect(percent(0)).toBe('0%');
    expect(percent(1)).toBe('100%');
    const [listed, sold, rate] = series(conversionOption(stats, i18n.t));
    expect(listed.data).toEqual([4, 8]);
    expect(sold.data).toEqual([1, 4]);
    expect(rate.tooltip?.valueFormatter?.(0.5)).toBe('50%');
  });
  it('rounds a money tick to a whole fen: ECharts ticks 0.2 when every value is 0', () => {
    expect(moneyFormatter('zh-CN')(0.2)).toBe('¥0');
    expect(moneyFormatter('en')(149.6)).toBe('¥1.50');
    expect(moneyFormatter('en')(Number.NaN)).toBe('NaN');
    expect(moneyFormatter('en')('—')).toBe('—');
  });

  it('draws every chart of a platform with no deals yet, money ticks a whole yuan apart', () => {
    const none: StatsOverview = {
      ...stats,
      totals: { turnover: 0, deals: 0 },
      byMonth: stats.byMonth.map((row) => ({ ...row, turnover: 0, deals: 0 })),
      byField: [{ field: 'energy', turnover: 0, deals: 0 }],
      byRegion: [{ region: '北京', turnover: 0, deals: 0 }],
      byOrganisationType: {
        seller: stats.byOrganisationType.seller.map((row) => ({ ...row, turnover: 0, deals: 0 })),
        buyer: stats.byOrganisationType.buyer.map((row) => ({ ...row, turnover: 0, deals: 0 })),
      },
      conversion: { listed: 0, sold: 0, rate: 0, byField: [] },
      openDemands: { count: 0, byField: [] },
    };
    for (const language of ['zh-CN', 'en']) {
      for (const option of [
        turnoverByMonthOption(none, i18n.t, language),
        fieldOption(none, i18n.t, language),
        regionOption(none, i18n.t, language),
        organisationTypeOption(none, i18n.t, language),
      ]) {
        const money = drawnTexts(option).filter((text) => text.startsWith('¥'));
        expect(money).toEqual(['¥0', '¥1']);
      }
    }
    expect(() => drawnTexts(conversionOption(none, i18n.t))).not.toThrow();
    expect(() => drawnTexts(demandsOption(none, i18n.t))).not.toThrow();
  });
});
