import type { LotListItem } from '@kepai/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Money } from '../../../ui/Money';
import { QueryState } from '../../../ui/QueryState';
import { useResultLots } from '../hooks/useResult';
import { formatDateTime } from '../utils/format';

/** Lots still to come or open now, the soonest first (the api's order). */
function activeLots(lots: LotListItem[]): LotListItem[] {
  return lots.filter((lot) => lot.status === 'scheduled' || lot.status === 'open');
}

function LotRow({ lot }: { lot: LotListItem }) {
  const { t, i18n } = useTranslation();
  const open = lot.status === 'open';
  return (
    <li className="result-lot" data-testid="result-lot">
      <div className="result-lot-head">
        <Tag color={open ? 'red' : 'default'}>
          {open && lot.paused ? t('catalogue.lots.paused') : t(`lotStatus.${lot.status}`)}
        </Tag>
        <Tag>{t(`format.${lot.session.format}`)}</Tag>
        <Tag>{t(`modes.${lot.mode}`)}</Tag>
      </div>
      <Link to={`/sessions/${lot.sessionId}`} className="result-lot-session">
        {lot.session.title}
      </Link>
      <p className="result-lot-meta">
        {open ? (
          <>
            {t('catalogue.lots.current')} <Money fen={lot.price ?? lot.startingPrice} />
            {' · '}
            {t('catalogue.lots.closesAt', { time: formatDateTime(lot.closesAt, i18n.language) })}
          </>
        ) : (
          <>
            {t('catalogue.lots.starting')} <Money fen={lot.startingPrice} />
            {' · '}
            {t('catalogue.lots.opensAt', { time: formatDateTime(lot.opensAt, i18n.language) })}
          </>
        )}
      </p>
      <Link to={`/lots/${lot.id}`} className="result-lot-enter">
        {open ? t('catalogue.lots.enterOpen') : t('catalogue.lots.enterScheduled')}
      </Link>
    </li>
  );
}

/** The auctions this result is offered in, each linking to its live room and its session. */
export function ResultLots({ resultId }: { resultId: string }) {
  const { t } = useTranslation();
  const lots = useResultLots(resultId, true);
  return (
    <section className="result-lots" data-testid="result-lots" aria-labelledby="result-lots-title">
      <h2 id="result-lots-title" className="cat-aside-title">
        {t('catalogue.lots.title')}
      </h2>
      <QueryState
        query={lots}
        isEmpty={(data) => activeLots(data).length === 0}
        empty={<p className="cat-muted">{t('catalogue.lots.none')}</p>}
      >
        {(data) => (
          <ul className="result-lot-list">
            {activeLots(data).map((lot) => (
              <LotRow key={lot.id} lot={lot} />
            ))}
          </ul>
        )}
      </QueryState>
    </section>
  );
}
