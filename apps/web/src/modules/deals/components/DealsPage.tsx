import { Empty, Segmented, Table, Tag } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { DealView } from '@kepai/contracts';
import { Money } from '../../../ui/Money';
import { QueryState } from '../../../ui/QueryState';
import { useMe } from '../../auth/hooks/useMe';
import { useDeals } from '../hooks/useDeals';
import { counterparty, dealSide, outstanding } from '../logic/actions';
import { formatDate } from '../logic/format';
import { DEAL_FILTERS, dueDate, matchesFilter, needsMe, parseDealFilter } from '../logic/list';
import { DealStatusTag } from './DealStatusTag';
import '../deals.css';

/**
 * `/deals`: every deal the user's organisation is a party to or mediates (all of them for a
 * platform admin), newest first, with what waits for the user marked.
 */
export function DealsPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const deals = useDeals();
  const [params, setParams] = useSearchParams();
  const filter = parseDealFilter(params.get('show'));
  const user = me.data ?? null;
  const sideOf = (deal: DealView) => (user === null ? null : dealSide(user, deal));

  return (
    <section className="deals-page" aria-labelledby="deals-title">
      <h1 id="deals-title" className="page-title">
        {t('deals.list.title')}
      </h1>
      <p className="deals-lead">{t('deals.list.lead')}</p>
      <Segmented
        className="deals-filter"
        aria-label={t('deals.list.filterLabel')}
        value={filter}
        options={DEAL_FILTERS.map((value) => ({ value, label: t(`deals.list.filter.${value}`) }))}
        onChange={(value) => {
          const next = new URLSearchParams(params);
          if (value === 'all') next.delete('show');
          else next.set('show', value);
          setParams(next, { replace: true });
        }}
      />
      <div data-testid="deals-list">
        <QueryState
          query={deals}
          isEmpty={(list) => list.length === 0}
          empty={<Empty description={t('deals.list.empty')} />}
        >
          {(list) => {
            const shown = list.filter((deal) => matchesFilter(filter, sideOf(deal), deal));
            if (shown.length === 0) return <Empty description={t('deals.list.noneHere')} />;
            return (
              <Table<DealView>
                size="middle"
                rowKey="id"
                dataSource={shown}
                pagination={shown.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
                scroll={{ x: 'max-content' }}
                onRow={(deal) =>
                  ({
                    'data-testid': 'deal-row',
                    'data-status': deal.status,
                    'data-deal-id': deal.id,
                  }) as HTMLAttributes<HTMLElement>
                }
                columns={[
                  {
                    title: t('deals.field.result'),
                    key: 'result',
                    render: (_, deal) => (
                      <div className="cell-stack">
                        <Link to={`/deals/${deal.id}`} className="deal-link">
                          {deal.result.title}
                        </Link>
                        <span className="muted">
                          {t(`deals.origin.${deal.origin}`)}
                          {needsMe(sideOf(deal), deal) ? (
                            <Tag color="red" className="todo-tag">
                              {t('deals.list.needsYou')}
                            </Tag>
                          ) : null}
                        </span>
                      </div>
                    ),
                  },
                  {
                    title: t('deals.field.counterparty'),
                    key: 'counterparty',
                    render: (_, deal) => {
                      const other = counterparty(sideOf(deal), deal);
                      return (
                        <div className="cell-stack">
                          <span>{other.name}</span>
                          <span className="muted">{t(`deals.counterpartyRole.${other.role}`)}</span>
                        </div>
                      );
                    },
                  },
                  {
                    title: t('deals.field.mode'),
                    key: 'mode',
                    render: (_, deal) => t(`modes.${deal.mode}`),
                  },
                  {
                    title: t('deals.field.price'),
                    key: 'price',
                    align: 'right',
                    render: (_, deal) => <Money fen={deal.price} />,
                  },
                  {
                    title: t('common.status'),
                    key: 'status',
                    render: (_, deal) => <DealStatusTag status={deal.status} />,
                  },
                  {
                    title: t('deals.field.due'),
                    key: 'due',
                    render: (_, deal) => {
                      const due = dueDate(deal);
                      const owed = outstanding(deal);
                      if (due === null && owed === 0) return <span className="muted">—</span>;
                      return (
                        <div className="cell-stack">
                          {owed > 0 ? <Money fen={owed} /> : null}
                          {due !== null ? (
                            <span className="muted">
                              {t('deals.list.dueBy', { date: formatDate(due, i18n.language) })}
                            </span>
                          ) : null}
                        </div>
                      );
                    },
                  },
                  {
                    title: t('common.createdAt'),
                    key: 'createdAt',
                    render: (_, deal) => formatDate(deal.createdAt, i18n.language),
                  },
                  {
                    title: t('common.actions'),
                    key: 'open',
                    render: (_, deal) => (
                      <Link
                        to={`/deals/${deal.id}`}
                        aria-label={t('deals.list.openLabel', { title: deal.result.title })}
                      >
                        {t('common.details')}
                      </Link>
                    ),
                  },
                ]}
              />
            );
          }}
        </QueryState>
      </div>
    </section>
  );
}
