import { Empty, Grid, Table, Tag } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { LotSummary, SessionFormat } from '@kepai/contracts';
import { Money } from '../../../ui/Money';
import { formatDateTime } from '../logic/format';
import { LotStatusTag } from './LotStatusTag';

/** When a lot ends, as a bidder needs it: a timed lot's close; a live lot runs until the hammer. */
function LotTime({ lot, format }: { lot: LotSummary; format: SessionFormat }) {
  const { t, i18n } = useTranslation();
  if (format === 'live') {
    if (lot.status === 'scheduled')
      return <>{t('room.lot.plannedOpen', { time: formatDateTime(lot.opensAt, i18n.language) })}</>;
    if (lot.status === 'open') return <>{t('room.lot.untilHammer')}</>;
  }
  if (format === 'timed' && lot.status === 'scheduled')
    return <>{t('room.lot.opensAt', { time: formatDateTime(lot.opensAt, i18n.language) })}</>;
  return <>{formatDateTime(lot.closesAt, i18n.language)}</>;
}

/** A lot as a card, for a phone: the same facts as a table row, stacked. */
function LotCard({ lot, format }: { lot: LotSummary; format: SessionFormat }) {
  const { t } = useTranslation();
  return (
    <li className="lot-card" data-testid="lot-row">
      <div className="session-card-tags">
        <LotStatusTag status={lot.status} paused={lot.paused} />
        <Tag>{t(`modes.${lot.mode}`)}</Tag>
      </div>
      <h3 className="lot-card-title">
        <Link to={`/results/${lot.result.id}`}>{lot.result.title}</Link>
      </h3>
      <div className="muted">{lot.result.institute.name}</div>
      <dl className="facts lot-card-facts">
        <dt>{t('room.lot.startingPrice')}</dt>
        <dd>
          <Money fen={lot.startingPrice} />
        </dd>
        <dt>{t('room.lot.currentPrice')}</dt>
        <dd>{lot.price === null ? t('room.noBids') : <Money fen={lot.price} />}</dd>
        <dt>{format === 'live' ? t('room.lot.time') : t('room.lot.closesAt')}</dt>
        <dd>
          <LotTime lot={lot} format={format} />
        </dd>
      </dl>
      <Link to={`/lots/${lot.id}`} className="enter-room" data-testid="enter-room">
        {lot.status === 'open' ? t('room.lot.enterLive') : t('room.lot.enter')}
      </Link>
    </li>
  );
}

/** The lots of a session: what is offered, how it stands, and the way into its room. */
export function SessionLots({ lots, format }: { lots: LotSummary[]; format: SessionFormat }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  if (lots.length === 0) return <Empty description={t('room.session.noLots')} />;
  if (!screens.md)
    return (
      <ul className="lot-cards">
        {lots.map((lot) => (
          <LotCard key={lot.id} lot={lot} format={format} />
        ))}
      </ul>
    );
  return (
    <Table<LotSummary>
      rowKey="id"
      size="middle"
      dataSource={lots}
      pagination={false}
      scroll={{ x: true }}
      onRow={() => ({ 'data-testid': 'lot-row' }) as HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: t('room.lot.result'),
          key: 'result',
          render: (_, lot) => (
            <div className="lot-title-cell">
              <Link to={`/results/${lot.result.id}`}>{lot.result.title}</Link>
              <div className="muted">{lot.result.institute.name}</div>
            </div>
          ),
        },
        {
          title: t('room.lot.mode'),
          key: 'mode',
          render: (_, lot) => t(`modes.${lot.mode}`),
        },
        {
          title: t('room.lot.startingPrice'),
          key: 'startingPrice',
          align: 'right',
          render: (_, lot) => <Money fen={lot.startingPrice} />,
        },
        {
          title: t('room.lot.currentPrice'),
          key: 'price',
          align: 'right',
          render: (_, lot) =>
            lot.price === null ? (
              <span className="muted">{t('room.noBids')}</span>
            ) : (
              <Money fen={lot.price} />
            ),
        },
        {
          title: t('common.status'),
          key: 'status',
          render: (_, lot) => <LotStatusTag status={lot.status} paused={lot.paused} />,
        },
        {
          title: format === 'live' ? t('room.lot.time') : t('room.lot.closesAt'),
          key: 'closesAt',
          render: (_, lot) => <LotTime lot={lot} format={format} />,
        },
        {
          title: t('common.actions'),
          key: 'enter',
          render: (_, lot) => (
            <Link to={`/lots/${lot.id}`} className="enter-room" data-testid="enter-room">
              {lot.status === 'open' ? t('room.lot.enterLive') : t('room.lot.enter')}
            </Link>
          ),
        },
      ]}
    />
  );
}
