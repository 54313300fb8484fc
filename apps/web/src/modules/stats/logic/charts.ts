import type { BarSeriesOption, EChartsOption } from 'echarts';
import type { TFunction } from 'i18next';
import type { StatsOverview } from '@kepai/contracts';
import { FEN_PER_YUAN, formatFen } from '../../../lib/money';

/** Kepai's red first, then colours that stay apart from it and from each other. */
export const PALETTE = ['#c8102e', '#1f6feb', '#d4a72c', '#1a7f37', '#8250df', '#59636e'];

/**
 * Money on an axis or in a tooltip: fen as ¥ (万 in Chinese). ECharts picks an axis' ticks
 * itself (0, 0.2, 0.4… fen when every value is 0), so a tick is rounded to a whole fen first;
 * what is not a finite number is shown as given.
 */
export function moneyFormatter(language: string): (value: unknown) => string {
  return (value) =>
    typeof value === 'number' && Number.isFinite(value)
      ? formatFen(Math.round(value), language)
      : String(value ?? '');
}

/** Bars of money in fen, whose tooltip shows ¥. */
function moneyBars(name: string, data: number[], language: string): BarSeriesOption {
  return { name, type: 'bar', data, tooltip: { valueFormatter: moneyFormatter(language) } };
}

/** A value axis of money in fen: labels as ¥, and ticks at least one yuan apart (never ¥0.2). */
function moneyAxis(language: string, extra: { hideOverlap?: boolean } = {}) {
  return {
    type: 'value' as const,
    minInterval: FEN_PER_YUAN,
    axisLabel: { formatter: moneyFormatter(language), ...extra },
  };
}

/** A share (0–1) as a percentage with at most one decimal: 0.4167 → "41.7%". */
export function percent(rate: number): string {
  const tenths = Math.round(rate * 1000) / 10;
  return `${tenths}%`;
}

/** `YYYY-MM` as a short month in the page's language: "26年3月" / "Mar 26". */
export function monthLabel(month: string, language: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (match === null) return month;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 15));
  return new Intl.DateTimeFormat(language.startsWith('zh') ? 'zh-CN' : 'en-GB', {
    year: '2-digit',
    month: 'short',
    timeZone: 'UTC',
  }).format(date);
}

const GRID = { left: 8, right: 16, top: 40, bottom: 8, containLabel: true } as const;

/** Turnover (bars, ¥) and the number of deals (line, right axis) for the last 12 months. */
export function turnoverByMonthOption(
  stats: Pick<StatsOverview, 'byMonth'>,
  t: TFunction,
  language: string,
): EChartsOption {
  return {
    color: PALETTE,
    grid: GRID,
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: {
      type: 'category',
      data: stats.byMonth.map((row) => monthLabel(row.month, language)),
    },
    yAxis: [moneyAxis(language), { type: 'value', minInterval: 1, splitLine: { show: false } }],
    series: [
      moneyBars(
        t('stats.series.turnover'),
        stats.byMonth.map((row) => row.turnover),
        language,
      ),
      {
        name: t('stats.series.deals'),
        type: 'line',
        yAxisIndex: 1,
        data: stats.byMonth.map((row) => row.deals),
      },
    ],
  };
}

/** Turnover by the result's field (every field, by the names of `fields.*`). */
export function fieldOption(
  stats: Pick<StatsOverview, 'byField'>,
  t: TFunction,
  language: string,
): EChartsOption {
  return {
    color: PALETTE,
    grid: GRID,
    tooltip: { trigger: 'axis' },
    xAxis: {
      type: 'category',
      data: stats.byField.map((row) => t(`fields.${row.field}`)),
      axisLabel: { interval: 0, rotate: 30 },
    },
    yAxis: moneyAxis(language),
    series: [
      moneyBars(
        t('stats.series.turnover'),
        stats.byField.map((row) => row.turnover),
        language,
      ),
    ],
  };
}

/** Turnover by region, largest first (horizontal bars, the largest on top). */
export function regionOption(
  stats: Pick<StatsOverview, 'byRegion'>,
  t: TFunction,
  language: string,
): EChartsOption {
  const rows = [...stats.byRegion].reverse();
  return {
    color: [PALETTE[1]],
    grid: { ...GRID, top: 8 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: moneyAxis(language, { hideOverlap: true }),
    yAxis: { type: 'category', data: rows.map((row) => row.region) },
    series: [
      moneyBars(
        t('stats.series.turnover'),
        rows.map((row) => row.turnover),
        language,
      ),
    ],
  };
}

/** Turnover by the seller's and by the buyer's organisation type, side by side. */
export function organisationTypeOption(
  stats: Pick<StatsOverview, 'byOrganisationType'>,
  t: TFunction,
  language: string,
): EChartsOption {
  const types = stats.byOrganisationType.seller.map((row) => row.type);
  const of = (rows: StatsOverview['byOrganisationType']['seller']) =>
    types.map((type) => rows.find((row) => row.type === type)?.turnover ?? 0);
  return {
    color: PALETTE,
    grid: GRID,
    legend: { top: 0 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: types.map((type) => t(`orgType.${type}`)) },
    yAxis: moneyAxis(language),
    series: [
      moneyBars(t('stats.series.asSeller'), of(stats.byOrganisationType.seller), language),
      moneyBars(t('stats.series.asBuyer'), of(stats.byOrganisationType.buyer), language),
    ],
  };
}

/** Results listed and sold by field (bars), and the share sold (line, right axis, %). */
export function conversionOption(
  stats: Pick<StatsOverview, 'conversion'>,
  t: TFunction,
): EChartsOption {
  const rows = stats.conversion.byField;
  const asPercent = (value: unknown) =>
    typeof value === 'number' ? percent(value) : String(value ?? '');
  return {
    color: PALETTE,
    grid: GRID,
    legend: { top: 0 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: {
      type: 'category',
      data: rows.map((row) => t(`fields.${row.field}`)),
      axisLabel: { interval: 0, rotate: 30 },
    },
    yAxis: [
      { type: 'value', minInterval: 1 },
      {
        type: 'value',
        min: 0,
        max: 1,
        axisLabel: { formatter: asPercent },
        splitLine: { show: false },
      },
    ],
    series: [
      { name: t('stats.series.listed'), type: 'bar', data: rows.map((row) => row.listed) },
      { name: t('stats.series.sold'), type: 'bar', data: rows.map((row) => row.sold) },
      {
        name: t('stats.series.rate'),
        type: 'line',
        yAxisIndex: 1,
        data: rows.map((row) => row.rate),
        tooltip: { valueFormatter: asPercent },
      },
    ],
  };
}

/** Open technology demands by field. */
export function demandsOption(
  stats: Pick<StatsOverview, 'openDemands'>,
  t: TFunction,
): EChartsOption {
  const rows = stats.openDemands.byField;
  return {
    color: [PALETTE[2]],
    grid: { ...GRID, top: 16 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: {
      type: 'category',
      data: rows.map((row) => t(`fields.${row.field}`)),
      axisLabel: { interval: 0, rotate: 30 },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ name: t('stats.series.demands'), type: 'bar', data: rows.map((row) => row.count) }],
  };
}
