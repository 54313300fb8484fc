import { Empty, Grid, Table, Tag } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DealView } from '@kepai/contracts';
import { Money } from '../../../ui/Money';
import { QueryState } from '../../../ui/QueryState';
import { STATUS_COLOUR } from '../../deals/logic/format';
import { useMyDeals } from '../hooks/useEnterprise';
import { formatDateTime } from '../logic/format';

function DealStatusTag({ deal }: { deal: DealView }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOUR[deal.status]}>{t(`enterprise.dealStatus.${deal.status}`)}</Tag>;
}

/** What the buyer still owes, and by when. */
function Due({ deal }: { deal: DealView }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <Money fen={Math.max(0, deal.amountDue - deal.paidAmount)} />
      {deal.dueAt ? (
        <span className="muted">
          {' '}
          {t('enterprise.deals.dueAt', { date: formatDateTime(deal.dueAt, i18n.language) })}
        </span>
      ) : null}
    </>
  );
}

function Origin({ deal }: { deal: DealView }) {
  const { t } = useTranslation();
  return deal.lotId ? (
    <Link to={`/lots/${deal.lotId}`} className="muted">
      {t('enterprise.deals.fromLot')}
    </Link>
  ) : (
    <span className="muted">{t('enterprise.deals.direct')}</span>
  );
}

/** On a phone: one card per deal instead of a wide table. */
function DealCards({ deals }: { deals: DealView[] }) {
  const { t, i18n } = useTranslation();
  return (
    <ul className="console-list">
      {deals.map((deal) => (
        <li
          key={deal.id}
          className="console-item"
          data-testid="my-deal-row"
          data-status={deal.status}
        >
          <div className="console-item-head">
            <Link to={`/results/${deal.result.id}`} className="console-item-title">
              {deal.result.title}
            </Link>
            <DealStatusTag deal={deal} />
          </div>
          <Origin deal={deal} />
          <dl className="console-facts">
            <div>
              <dt>{t('enterprise.deals.seller')}</dt>
              <dd>{deal.seller.name}</dd>
            </div>
            <div>
              <dt>{t('enterprise.deals.price')}</dt>
              <dd>
                <Money fen={deal.price} />
              </dd>
            </div>
            <div>
              <dt>{t('enterprise.deals.due')}</dt>
              <dd>
                <Due deal={deal} />
              </dd>
            </div>
            <div>
              <dt>{t('enterprise.deals.mode')}</dt>
              <dd>{t(`modes.${deal.mode}`)}</dd>
            </div>
            <div>
              <dt>{t('enterprise.deals.date')}</dt>
              <dd>{formatDateTime(deal.createdAt, i18n.language)}</dd>
            </div>
          </dl>
        </li>
      ))}
    </ul>
  );
}

function DealsTable({ deals }: { deals: DealView[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Table<DealView>
      size="small"
      rowKey="id"
      dataSource={deals}
      pagination={deals.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
      onRow={(deal) =>
        ({
          'data-testid': 'my-deal-row',
          'data-status': deal.status,
        }) as HTMLAttributes<HTMLElement>
      }
      columns={[
        {
          title: t('enterprise.deals.result'),
          key: 'result',
          render: (_, deal) => (
            <div className="cell-stack">
              <Link to={`/results/${deal.result.id}`}>{deal.result.title}</Link>
              <Origin deal={deal} />
            </div>
          ),
        },
        {
          title: t('enterprise.deals.seller'),
          key: 'seller',
          render: (_, deal) => deal.seller.name,
        },
        {
          title: t('enterprise.deals.price'),
          key: 'price',
          align: 'right',
          render: (_, deal) => <Money fen={deal.price} />,
        },
        {
          title: t('enterprise.deals.due'),
          key: 'due',
          align: 'right',
          render: (_, deal) => (
            <div className="cell-stack">
              <Due deal={deal} />
            </div>
          ),
        },
        {
          title: t('enterprise.deals.mode'),
          key: 'mode',
          render: (_, deal) => t(`modes.${deal.mode}`),
        },
        {
          title: t('common.status'),
          key: 'status',
          render: (_, deal) => <DealStatusTag deal={deal} />,
        },
        {
          title: t('enterprise.deals.date'),
          key: 'date',
          render: (_, deal) => formatDateTime(deal.createdAt, i18n.language),
        },
      ]}
    />
  );
}

/** `/console/enterprise/deals`: lots won and results acquired, with what is owed. */
export function MyDeals() {
  const { t } = useTranslation();
  const deals = useMyDeals();
  const wide = Grid.useBreakpoint().md === true;
  return (
    <section aria-labelledby="my-deals-title">
      <h2 id="my-deals-title" className="card-title console-section-head">
        {t('enterprise.deals.title')}
      </h2>
      <div data-testid="my-deals">
        <QueryState
          query={deals}
          isEmpty={(list) => list.length === 0}
          empty={<Empty description={t('enterprise.deals.empty')} />}
        >
          {(list) => (wide ? <DealsTable deals={list} /> : <DealCards deals={list} />)}
        </QueryState>
      </div>
    </section>
  );
}
