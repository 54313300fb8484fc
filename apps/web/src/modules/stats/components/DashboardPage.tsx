import { Table, type TableColumnsType } from 'antd';
import type { EChartsOption } from 'echarts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatsFigure, StatsOverview } from '@kepai/contracts';
import { formatFen } from '../../../lib/money';
import { EChart } from '../../../ui/EChart';
import { Money } from '../../../ui/Money';
import { QueryState } from '../../../ui/QueryState';
import { useStatsOverview } from '../hooks/useStats';
import {
  conversionOption,
  demandsOption,
  fieldOption,
  organisationTypeOption,
  percent,
  regionOption,
  turnoverByMonthOption,
} from '../logic/charts';
import '../stats.css';
import { ChartBoundary, ChartFailed } from './ChartBoundary';

function Figure({
  label,
  value,
  note,
  testId,
}: {
  label: string;
  value: ReactNode;
  note?: string;
  testId: string;
}) {
  return (
    <div className="stats-figure" data-testid={testId}>
      <dt>{label}</dt>
      <dd>
        <span className="stats-figure-value">{value}</span>
        {note ? <span className="stats-figure-note">{note}</span> : null}
      </dd>
    </div>
  );
}

function Card({
  title,
  id,
  children,
  wide = false,
}: {
  title: string;
  id: string;
  children: ReactNode;
  wide?: boolean;
}) {
  return (
    <section className={`stats-card${wide ? ' wide' : ''}`} aria-labelledby={id}>
      <h2 id={id} className="stats-card-title">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** The chart's option is built inside its boundary: a chart that throws fails alone. */
function BuiltChart({
  build,
  ...chart
}: {
  build: () => EChartsOption;
  label: string;
  testId: string;
  height?: number;
}) {
  return <EChart option={build()} {...chart} />;
}

/** A chart of the dashboard; new figures from the server try one that failed again. */
function StatsChart(props: {
  build: () => EChartsOption;
  label: string;
  testId: string;
  height?: number;
  generatedAt: string;
}) {
  const { generatedAt, ...chart } = props;
  return (
    <ChartBoundary resetKey={generatedAt} fallback={<ChartFailed testId={chart.testId} />}>
      <BuiltChart {...chart} />
    </ChartBoundary>
  );
}

function Dashboard({ stats }: { stats: StatsOverview }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const regionHeight = Math.max(220, stats.byRegion.length * 26 + 40);
  return (
    <>
      <dl className="stats-figures" data-testid="stats-headline">
        <Figure
          label={t('stats.headline.turnover')}
          value={<Money fen={stats.totals.turnover} />}
          testId="stats-turnover"
        />
        <Figure
          label={t('stats.headline.deals')}
          value={stats.totals.deals.toLocaleString(language)}
          testId="stats-deals"
        />
        <Figure
          label={t('stats.headline.conversion')}
          value={percent(stats.conversion.rate)}
          note={t('stats.headline.conversionNote', {
            sold: stats.conversion.sold,
            listed: stats.conversion.listed,
          })}
          testId="stats-conversion"
        />
        <Figure
          label={t('stats.headline.demands')}
          value={stats.openDemands.count.toLocaleString(language)}
          testId="stats-demands"
        />
      </dl>
      <div className="stats-grid">
        <Card title={t('stats.chart.month')} id="stats-month" wide>
          <StatsChart
            build={() => turnoverByMonthOption(stats, t, language)}
            generatedAt={stats.generatedAt}
            label={t('stats.chart.monthLabel', {
              total: formatFen(stats.totals.turnover, language),
            })}
            testId="chart-turnover-month"
            height={300}
          />
        </Card>
        <Card title={t('stats.chart.field')} id="stats-field">
          <StatsChart
            build={() => fieldOption(stats, t, language)}
            generatedAt={stats.generatedAt}
            label={t('stats.chart.fieldLabel')}
            testId="chart-field"
            height={300}
          />
        </Card>
        <Card title={t('stats.chart.region')} id="stats-region">
          {stats.byRegion.length === 0 ? (
            <p className="stats-empty" data-testid="chart-region">
              {t('stats.noDeals')}
            </p>
          ) : (
            <StatsChart
              build={() => regionOption(stats, t, language)}
              generatedAt={stats.generatedAt}
              label={t('stats.chart.regionLabel')}
              testId="chart-region"
              height={regionHeight}
            />
          )}
        </Card>
        <Card title={t('stats.chart.orgType')} id="stats-org-type">
          <StatsChart
            build={() => organisationTypeOption(stats, t, language)}
            generatedAt={stats.generatedAt}
            label={t('stats.chart.orgTypeLabel')}
            testId="chart-org-type"
          />
        </Card>
        <Card title={t('stats.chart.conversion')} id="stats-conversion-title">
          <p className="stats-card-lead">
            {t('stats.chart.conversionLead', {
              sold: stats.conversion.sold,
              listed: stats.conversion.listed,
              rate: percent(stats.conversion.rate),
            })}
          </p>
          <StatsChart
            build={() => conversionOption(stats, t)}
            generatedAt={stats.generatedAt}
            label={t('stats.chart.conversionLabel')}
            testId="chart-conversion"
            height={300}
          />
        </Card>
        <Card title={t('stats.chart.demands')} id="stats-demands-title">
          <p className="stats-card-lead">
            {t('stats.chart.demandsLead', { count: stats.openDemands.count })}
          </p>
          <StatsChart
            build={() => demandsOption(stats, t)}
            generatedAt={stats.generatedAt}
            label={t('stats.chart.demandsLabel')}
            testId="chart-demands"
          />
        </Card>
        <Card title={t('stats.top.institutes')} id="stats-top-institutes">
          <RankingTable
            testId="top-institutes"
            rows={stats.topInstitutes}
            nameTitle={t('stats.top.institute')}
            emptyText={t('stats.noDeals')}
          />
        </Card>
        <Card title={t('stats.top.brokers')} id="stats-top-brokers">
          <RankingTable
            testId="top-brokers"
            rows={stats.topBrokers}
            nameTitle={t('stats.top.broker')}
            emptyText={t('stats.noBrokers')}
            extra={[
              {
                title: t('stats.top.sessions'),
                dataIndex: 'sessions',
                key: 'sessions',
                align: 'right',
              },
            ]}
          />
        </Card>
      </div>
    </>
  );
}

type Ranked = StatsFigure & { id: string; name: string };

/** A ranking (top institutes, top brokers): rank, name, turnover, deals, and `extra` columns. */
function RankingTable<Row extends Ranked>({
  testId,
  rows,
  nameTitle,
  emptyText,
  extra = [],
}: {
  testId: string;
  rows: Row[];
  nameTitle: string;
  emptyText: string;
  extra?: TableColumnsType<Row>;
}) {
  const { t } = useTranslation();
  return (
    <div data-testid={testId}>
      <Table<Row>
        size="small"
        rowKey="id"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={rows}
        locale={{ emptyText }}
        columns={[
          { title: '#', key: 'rank', width: 40, render: (_, __, index) => index + 1 },
          { title: nameTitle, dataIndex: 'name', key: 'name' },
          {
            title: t('stats.series.turnover'),
            key: 'turnover',
            align: 'right',
            render: (_, row) => <Money fen={row.turnover} />,
          },
          { title: t('stats.series.deals'), dataIndex: 'deals', key: 'deals', align: 'right' },
          ...extra,
        ]}
      />
    </div>
  );
}

/** `/stats` (public): the platform's figures, with charts, from `GET /stats/overview`. */
export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const stats = useStatsOverview();
  return (
    <section
      className="stats-dashboard"
      data-testid="stats-dashboard"
      aria-labelledby="stats-title"
    >
      <header className="stats-head">
        <h1 id="stats-title" className="page-title">
          {t('stats.title')}
        </h1>
        <p className="stats-lead">
          {t('stats.lead')}
          {stats.data ? (
            <>
              {' '}
              {t('stats.generatedAt', {
                time: new Intl.DateTimeFormat(i18n.language.startsWith('zh') ? 'zh-CN' : 'en-GB', {
                  dateStyle: 'medium',
                  timeStyle: 'short',
                }).format(new Date(stats.data.generatedAt)),
              })}
            </>
          ) : null}
        </p>
      </header>
      <QueryState query={stats}>{(data) => <Dashboard stats={data} />}</QueryState>
    </section>
  );
}
