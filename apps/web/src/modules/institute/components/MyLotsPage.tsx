import { Empty, Table, Tag } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { LotListItem, LotStatus, UserView } from '@kepai/contracts';
import { Money } from '../../../ui/Money';
import { QueryState } from '../../../ui/QueryState';
import { useMyLots, useMyResults } from '../hooks/useMyResults';
import { formatDateTime } from '../logic/format';
import { interestRows, sortLots, type InterestRow } from '../logic/interest';
import { ResultStatusTag } from './ResultStatusTag';

const LOT_COLOURS: Record<LotStatus, string> = {
  scheduled: 'default',
  open: 'red',
  sold: 'green',
  unsold: 'default',
  withdrawn: 'default',
};

function LotStatusTag({ lot }: { lot: LotListItem }) {
  const { t } = useTranslation();
  return (
    <>
      <Tag color={LOT_COLOURS[lot.status]}>{t(`lotStatus.${lot.status}`)}</Tag>
      {lot.paused && <Tag color="orange">{t('institute.lots.paused')}</Tag>}
    </>
  );
}

function LotsTable({ lots }: { lots: LotListItem[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Table<LotListItem>
      rowKey="id"
      size="middle"
      dataSource={sortLots(lots)}
      pagination={lots.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      scroll={{ x: true }}
      onRow={() => ({ 'data-testid': 'my-lot-row' }) as HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: t('institute.lots.result'),
          key: 'result',
          render: (_, lot) => (
            <div className="inst-title-cell">
              <Link to={`/results/${lot.result.id}`}>{lot.result.title}</Link>
              <span className="inst-muted">{t(`modes.${lot.mode}`)}</span>
            </div>
          ),
        },
        {
          title: t('institute.lots.session'),
          key: 'session',
          render: (_, lot) => (
            <div className="inst-title-cell">
              <Link to={`/sessions/${lot.session.id}`}>{lot.session.title}</Link>
              <span className="inst-muted">
                {t(`format.${lot.session.format}`)} · {lot.session.host.name}
              </span>
            </div>
          ),
        },
        {
          title: t('common.status'),
          key: 'status',
          className: 'inst-nowrap',
          render: (_, lot) => <LotStatusTag lot={lot} />,
        },
        {
          title: t('institute.lots.price'),
          key: 'price',
          className: 'inst-nowrap',
          align: 'right',
          render: (_, lot) =>
            lot.price === null ? (
              <span className="inst-muted">
                {t('institute.lots.noBids')} · {t('institute.lots.from')}{' '}
                <Money fen={lot.startingPrice} />
              </span>
            ) : (
              <Money fen={lot.price} />
            ),
        },
        {
          title: t('institute.lots.bids'),
          dataIndex: 'bidCount',
          className: 'inst-nowrap',
          align: 'right',
        },
        {
          title: t('institute.lots.reserve'),
          key: 'reserve',
          className: 'inst-nowrap',
          render: (_, lot) =>
            lot.reserveMet ? (
              <Tag color="green">{t('institute.lots.reserveMet')}</Tag>
            ) : (
              <Tag>{t('institute.lots.reserveNotMet')}</Tag>
            ),
        },
        {
          title: t('institute.lots.time'),
          key: 'time',
          className: 'inst-nowrap',
          render: (_, lot) =>
            lot.status === 'scheduled'
              ? t('institute.lots.opensAt', { time: formatDateTime(lot.opensAt, i18n.language) })
              : lot.status === 'open' && lot.session.format === 'live'
                ? t('institute.lots.untilHammer')
                : t('institute.lots.closesAt', {
                    time: formatDateTime(lot.closesAt, i18n.language),
                  }),
        },
        {
          title: t('common.actions'),
          key: 'room',
          className: 'inst-nowrap',
          render: (_, lot) => (
            <Link to={`/lots/${lot.id}`} data-testid="lot-room-link" className="inst-nowrap">
              {lot.status === 'open' ? t('institute.lots.watchLive') : t('institute.lots.room')}
            </Link>
          ),
        },
      ]}
    />
  );
}

function InterestTable({ rows }: { rows: InterestRow[] }) {
  const { t } = useTranslation();
  return (
    <Table<InterestRow>
      rowKey="id"
      size="middle"
      dataSource={rows}
      pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      scroll={{ x: true }}
      onRow={() => ({ 'data-testid': 'interest-row' }) as HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: t('institute.lots.result'),
          key: 'title',
          render: (_, row) => (
            <Link to={`/results/${row.id}`} className="inst-title-cell">
              {row.title}
            </Link>
          ),
        },
        {
          title: t('common.status'),
          key: 'status',
          className: 'inst-nowrap',
          render: (_, row) => <ResultStatusTag status={row.status} />,
        },
        {
          title: t('institute.results.views'),
          dataIndex: 'viewCount',
          className: 'inst-nowrap',
          align: 'right',
        },
        {
          title: t('institute.results.favourites'),
          dataIndex: 'favouriteCount',
          className: 'inst-nowrap',
          align: 'right',
        },
        {
          title: t('institute.lots.lotCount'),
          key: 'lots',
          className: 'inst-nowrap',
          align: 'right',
          render: (_, row) =>
            row.openLotCount > 0
              ? t('institute.lots.lotsOpen', { count: row.lotCount, open: row.openLotCount })
              : row.lotCount,
        },
        {
          title: t('institute.lots.bids'),
          dataIndex: 'bids',
          className: 'inst-nowrap',
          align: 'right',
        },
      ]}
    />
  );
}

/** 竞价与关注: the lots the institute's results are in, and how much interest each result draws. */
export function MyLotsPage({ user }: { user: UserView }) {
  const { t } = useTranslation();
  const lots = useMyLots(user.organisation.id);
  const results = useMyResults();
  return (
    <>
      <section className="inst-section" data-testid="my-lots" aria-labelledby="my-lots-title">
        <h2 id="my-lots-title" className="console-section-title">
          {t('institute.lots.heading')}
        </h2>
        <p className="inst-muted">{t('institute.lots.lead')}</p>
        <QueryState
          query={lots}
          isEmpty={(items) => items.length === 0}
          empty={<Empty description={t('institute.lots.none')} />}
        >
          {(items) => <LotsTable lots={items} />}
        </QueryState>
      </section>
      <section className="inst-section" data-testid="interest" aria-labelledby="interest-title">
        <h2 id="interest-title" className="console-section-title">
          {t('institute.lots.interest')}
        </h2>
        <QueryState query={results}>
          {(items) => {
            const rows = interestRows(items, lots.data ?? []);
            return rows.length === 0 ? (
              <Empty description={t('institute.lots.noInterest')} />
            ) : (
              <InterestTable rows={rows} />
            );
          }}
        </QueryState>
      </section>
    </>
  );
}
