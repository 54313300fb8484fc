import { Empty, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { LotStatus, LotSummary, SessionView } from '@kepai/contracts';
import { Money } from '../../../ui/Money';
import { formatDateTime } from '../logic/format';

const STATUS_COLOUR: Record<LotStatus, string> = {
  scheduled: 'blue',
  open: 'green',
  sold: 'red',
  unsold: 'default',
  withdrawn: 'default',
};

function LotRow({ lot, format }: { lot: LotSummary; format: SessionView['format'] }) {
  const { t, i18n } = useTranslation();
  return (
    <li className="console-item" data-testid="console-lot-row" data-status={lot.status}>
      <div className="console-item-head">
        <Link to={`/results/${lot.result.id}`} className="console-item-title">
          {lot.result.title}
        </Link>
        <Tag color={STATUS_COLOUR[lot.status]}>{t(`lotStatus.${lot.status}`)}</Tag>
        {lot.paused ? <Tag color="orange">{t('broker.lots.paused')}</Tag> : null}
      </div>
      <dl className="console-facts">
        <div>
          <dt>{t('broker.lots.institute')}</dt>
          <dd>{lot.result.institute.name}</dd>
        </div>
        <div>
          <dt>{t('broker.lots.mode')}</dt>
          <dd>{t(`modes.${lot.mode}`)}</dd>
        </div>
        <div>
          <dt>{t('broker.lots.startingPrice')}</dt>
          <dd>
            <Money fen={lot.startingPrice} />
          </dd>
        </div>
        <div>
          <dt>{t('broker.lots.price')}</dt>
          <dd>
            {lot.price === null ? '—' : <Money fen={lot.price} />}{' '}
            <span className="muted">{t('broker.lots.bidCount', { count: lot.bidCount })}</span>
          </dd>
        </div>
        <div>
          <dt>{t('broker.lots.reserve')}</dt>
          <dd>{lot.reserveMet ? t('broker.lots.reserveMet') : t('broker.lots.reserveNotMet')}</dd>
        </div>
        <div>
          <dt>{t('broker.lots.times')}</dt>
          <dd>
            {formatDateTime(lot.opensAt, i18n.language)} –{' '}
            {formatDateTime(lot.closesAt, i18n.language)}
          </dd>
        </div>
      </dl>
      <div className="console-item-links">
        <Link to={`/lots/${lot.id}`} data-testid="open-room-link">
          {format === 'live' ? t('broker.lots.runRoom') : t('broker.lots.viewRoom')}
        </Link>
      </div>
    </li>
  );
}

/** The lots of a hosted session, each with the way into its room (where the broker controls are). */
export function ConsoleLots({ session }: { session: SessionView }) {
  const { t } = useTranslation();
  if (session.lots.length === 0) return <Empty description={t('broker.lots.empty')} />;
  return (
    <ul className="console-list" aria-label={t('broker.session.lotsTitle')}>
      {session.lots.map((lot) => (
        <LotRow key={lot.id} lot={lot} format={session.format} />
      ))}
    </ul>
  );
}
