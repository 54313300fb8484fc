import { Empty, Grid, Table, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MyBidView } from '@kepai/contracts';
import { Money } from '../../../ui/Money';
import { QueryState } from '../../../ui/QueryState';
import { useMyBids } from '../hooks/useEnterprise';
import { bidStanding, bidSummary, type BidStanding } from '../logic/bids';
import { formatDateTime } from '../logic/format';

const STANDING_COLOUR: Record<BidStanding, string> = {
  leading: 'green',
  outbid: 'orange',
  won: 'red',
  lost: 'default',
  unsold: 'default',
  withdrawn: 'default',
};

function StandingTag({ bid }: { bid: MyBidView }) {
  const { t } = useTranslation();
  const standing = bidStanding(bid);
  return (
    <Tag color={STANDING_COLOUR[standing]} data-standing={standing}>
      {t(`enterprise.standing.${standing}`)}
    </Tag>
  );
}

/** On a phone: one card per bid instead of a wide table. */
function BidCards({ bids }: { bids: MyBidView[] }) {
  const { t, i18n } = useTranslation();
  return (
    <ul className="console-list">
      {bids.map((bid) => (
        <li key={`${bid.lotId}:${bid.seq}`} className="console-item" data-testid="my-bid-row">
          <div className="console-item-head">
            <Link to={`/results/${bid.result.id}`} className="console-item-title">
              {bid.result.title}
            </Link>
            <StandingTag bid={bid} />
          </div>
          <div className="muted">{bid.session.title}</div>
          <dl className="console-facts">
            <div>
              <dt>{t('enterprise.bids.amount')}</dt>
              <dd>
                <Money fen={bid.amount} /> · #{bid.seq} · {t(`enterprise.bidKind.${bid.kind}`)}
              </dd>
            </div>
            <div>
              <dt>{t('enterprise.bids.lot')}</dt>
              <dd>
                {t(`lotStatus.${bid.lot.status}`)} · {t('enterprise.bids.price')}{' '}
                <Money fen={bid.lot.price} />
              </dd>
            </div>
            <div>
              <dt>{t('enterprise.bids.at')}</dt>
              <dd>{formatDateTime(bid.at, i18n.language)}</dd>
            </div>
          </dl>
          <div className="console-item-links">
            <Link to={`/lots/${bid.lotId}`}>{t('enterprise.bids.room')}</Link>
          </div>
        </li>
      ))}
    </ul>
  );
}

function BidsTable({ bids }: { bids: MyBidView[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Table<MyBidView>
      size="small"
      rowKey={(bid) => `${bid.lotId}:${bid.seq}`}
      dataSource={bids}
      pagination={bids.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
      onRow={() => ({ 'data-testid': 'my-bid-row' }) as HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: t('enterprise.bids.result'),
          key: 'result',
          render: (_, bid) => (
            <div className="cell-stack">
              <Link to={`/results/${bid.result.id}`}>{bid.result.title}</Link>
              <Link to={`/sessions/${bid.session.id}`} className="muted">
                {bid.session.title}
              </Link>
            </div>
          ),
        },
        {
          title: t('enterprise.bids.amount'),
          key: 'amount',
          align: 'right',
          render: (_, bid) => <Money fen={bid.amount} />,
        },
        {
          title: t('enterprise.bids.seq'),
          key: 'seq',
          render: (_, bid) => `#${bid.seq}`,
        },
        {
          title: t('enterprise.bids.kind'),
          key: 'kind',
          render: (_, bid) => t(`enterprise.bidKind.${bid.kind}`),
        },
        {
          title: t('enterprise.bids.at'),
          key: 'at',
          render: (_, bid) => formatDateTime(bid.at, i18n.language),
        },
        {
          title: t('enterprise.bids.lot'),
          key: 'lot',
          render: (_, bid) => (
            <div className="cell-stack">
              <span>{t(`lotStatus.${bid.lot.status}`)}</span>
              <span className="muted">
                {t('enterprise.bids.price')} <Money fen={bid.lot.price} />
              </span>
            </div>
          ),
        },
        {
          title: t('enterprise.bids.standing'),
          key: 'standing',
          render: (_, bid) => <StandingTag bid={bid} />,
        },
        {
          title: t('common.actions'),
          key: 'room',
          render: (_, bid) => <Link to={`/lots/${bid.lotId}`}>{t('enterprise.bids.room')}</Link>,
        },
      ]}
    />
  );
}

function BidList({ bids }: { bids: MyBidView[] }) {
  const { t } = useTranslation();
  const wide = Grid.useBreakpoint().md === true;
  const summary = bidSummary(bids);
  return (
    <>
      <Typography.Paragraph type="secondary">
        {t('enterprise.bids.summary', {
          count: summary.lots,
          leading: summary.leading,
          won: summary.won,
        })}
      </Typography.Paragraph>
      {wide ? <BidsTable bids={bids} /> : <BidCards bids={bids} />}
    </>
  );
}

/** `/console/enterprise/bids`: every accepted bid of the organisation, and where it stands. */
export function MyBids() {
  const { t } = useTranslation();
  const bids = useMyBids();
  return (
    <section aria-labelledby="my-bids-title">
      <h2 id="my-bids-title" className="card-title console-section-head">
        {t('enterprise.bids.title')}
      </h2>
      <div data-testid="my-bids">
        <QueryState
          query={bids}
          isEmpty={(list) => list.length === 0}
          empty={<Empty description={t('enterprise.bids.empty')} />}
        >
          {(list) => <BidList bids={list} />}
        </QueryState>
      </div>
    </section>
  );
}
