import { Card } from 'antd';
import type { EChartsOption } from 'echarts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { BidHistoryItem } from '@kepai/contracts';
import { FEN_PER_YUAN, formatFen } from '../../../lib/money';
import { EChart } from '../../../ui/EChart';
import { priceSeries } from '../logic/lot-state';
import { formatTime } from '../logic/format';

/** The price over time, a step after each history entry (amounts plotted in fen, shown as ¥). */
export function PriceChart({ bids }: { bids: BidHistoryItem[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const option = useMemo((): EChartsOption => {
    const points = priceSeries(bids);
    const money = (value: number) => formatFen(Math.round(value), language);
    return {
      // redrawn whole on every bid: a short animation, so the line never lags the price
      animationDuration: 200,
      animationDurationUpdate: 200,
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (value) => (typeof value === 'number' ? money(value) : String(value)),
      },
      xAxis: {
        type: 'time',
        axisLabel: {
          formatter: (value: number) => formatTime(new Date(value).toISOString(), language),
          hideOverlap: true,
        },
      },
      yAxis: {
        type: 'value',
        scale: true,
        minInterval: FEN_PER_YUAN,
        axisLabel: { formatter: (value: number) => money(value) },
      },
      series: [
        {
          type: 'line',
          name: t('room.chart.price'),
          step: 'end',
          symbolSize: 6,
          data: points,
          lineStyle: { color: '#c8102e', width: 2 },
          itemStyle: { color: '#c8102e' },
          areaStyle: { color: 'rgba(200, 16, 46, 0.08)' },
        },
      ],
    };
  }, [bids, language, t]);
  return (
    <Card title={<h2 className="card-title">{t('room.chart.title')}</h2>}>
      {bids.length === 0 ? (
        <p className="muted" data-testid="price-chart">
          {t('room.chart.empty')}
        </p>
      ) : (
        <EChart
          option={option}
          height={240}
          testId="price-chart"
          label={t('room.chart.label', { count: bids.length })}
        />
      )}
    </Card>
  );
}
