import { FilePdfOutlined } from '@ant-design/icons';
import { Alert, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { DealView, UserView } from '@kepai/contracts';
import { formatFen } from '../../../lib/money';
import { Money } from '../../../ui/Money';
import { QueryState } from '../../../ui/QueryState';
import { useDeal } from '../hooks/useDeals';
import {
  confirmationUrl,
  dealSide,
  hasConfirmation,
  outstanding,
  type DealSide,
} from '../logic/actions';
import { formatDate, formatDateTime } from '../logic/format';
import { dueDate } from '../logic/list';
import { DealActions } from './DealActions';
import { DealHistory } from './DealHistory';
import { DealStatusTag } from './DealStatusTag';
import { UfplPanel } from './UfplPanel';
import '../deals.css';

/** Where the deal stands and what happens next, in one sentence or two. */
function StatusExplained({ deal }: { deal: DealView }) {
  const { t, i18n } = useTranslation();
  const due = dueDate(deal);
  const text = t(`deals.explain.${deal.status}`, {
    seller: deal.seller.name,
    buyer: deal.buyer.name,
    amount: formatFen(outstanding(deal), i18n.language),
    date: due === null ? '—' : formatDate(due, i18n.language),
    count: deal.ufpl?.termMonths ?? 0,
    decider: deal.broker ? deal.broker.name : t('deals.explain.platform'),
  });
  const type =
    deal.status === 'disputed' || deal.status === 'overdue' || deal.status === 'defaulted'
      ? 'warning'
      : deal.status === 'completed'
        ? 'success'
        : 'info';
  return (
    <Alert className="deal-explain" type={type} showIcon title={text} data-testid="deal-explain" />
  );
}

function Facts({ deal }: { deal: DealView }) {
  const { t, i18n } = useTranslation();
  const ufpl = deal.mode === 'use_first_pay_later';
  const due = dueDate(deal);
  const facts: Array<{ key: string; label: string; value: ReactNode }> = [
    { key: 'seller', label: t('deals.field.seller'), value: deal.seller.name },
    { key: 'buyer', label: t('deals.field.buyer'), value: deal.buyer.name },
    {
      key: 'broker',
      label: t('deals.field.broker'),
      value: deal.broker?.name ?? <span className="muted">{t('deals.field.noBroker')}</span>,
    },
    { key: 'mode', label: t('deals.field.mode'), value: t(`modes.${deal.mode}`) },
    {
      key: 'origin',
      label: t('deals.field.origin'),
      value: deal.lotId ? (
        <Link to={`/lots/${deal.lotId}`}>{t('deals.origin.auction')}</Link>
      ) : (
        <>
          {t(`deals.origin.${deal.origin}`)}
          {deal.proposed ? <Tag className="inline-tag">{t('deals.field.proposed')}</Tag> : null}
        </>
      ),
    },
    {
      key: 'price',
      label: ufpl ? t('deals.field.fee') : t('deals.field.price'),
      value: <Money fen={deal.price} />,
    },
    ...(deal.origin === 'auction' || deal.depositApplied > 0
      ? [
          {
            key: 'deposit',
            label: t('deals.field.depositApplied'),
            value: <Money fen={deal.depositApplied} />,
          },
        ]
      : []),
    { key: 'due', label: t('deals.field.amountDue'), value: <Money fen={deal.amountDue} /> },
    { key: 'paid', label: t('deals.field.paid'), value: <Money fen={deal.paidAmount} /> },
    {
      key: 'outstanding',
      label: t('deals.field.outstanding'),
      value: <Money fen={outstanding(deal)} />,
    },
    { key: 'dueAt', label: t('deals.field.dueAt'), value: formatDate(due, i18n.language) },
    {
      key: 'signedAt',
      label: t('deals.field.signedAt'),
      value: formatDateTime(deal.signedAt, i18n.language),
    },
    {
      key: 'createdAt',
      label: t('common.createdAt'),
      value: formatDateTime(deal.createdAt, i18n.language),
    },
  ];
  return (
    <dl className="deal-facts deal-facts-main" data-testid="deal-facts">
      {facts.map((fact) => (
        <div key={fact.key} data-testid={`deal-fact-${fact.key}`}>
          <dt>{fact.label}</dt>
          <dd>{fact.value}</dd>
        </div>
      ))}
    </dl>
  );
}

function DealDetail({ deal, side }: { deal: DealView; side: DealSide | null }) {
  const { t } = useTranslation();
  return (
    <article className="deal-page" data-testid="deal-page" data-deal-id={deal.id}>
      <Link to="/deals" className="deal-back">
        ← {t('deals.detail.back')}
      </Link>
      <header className="deal-head">
        <h1 className="page-title deal-title">
          <Link to={`/results/${deal.result.id}`}>{deal.result.title}</Link>
        </h1>
        <div className="deal-tags">
          <DealStatusTag status={deal.status} testId="deal-status" />
          <Tag>{t(`modes.${deal.mode}`)}</Tag>
        </div>
      </header>
      <StatusExplained deal={deal} />
      <div className="deal-layout">
        <div className="deal-main">
          <section className="deal-card" aria-labelledby="deal-facts-title">
            <h2 id="deal-facts-title" className="deal-card-title">
              {t('deals.detail.facts')}
            </h2>
            <Facts deal={deal} />
          </section>
          <UfplPanel deal={deal} />
          <DealHistory deal={deal} />
        </div>
        <aside className="deal-aside">
          <DealActions deal={deal} side={side} />
          <section className="deal-card" aria-labelledby="deal-documents-title">
            <h2 id="deal-documents-title" className="deal-card-title">
              {t('deals.detail.documents')}
            </h2>
            {hasConfirmation(deal.status) ? (
              <a
                href={confirmationUrl(deal.id)}
                download
                className="deal-pdf-link"
                data-testid="confirmation-pdf-link"
              >
                <FilePdfOutlined aria-hidden /> {t('deals.detail.confirmation')}
              </a>
            ) : (
              <p className="muted">{t('deals.detail.noConfirmation')}</p>
            )}
          </section>
        </aside>
      </div>
    </article>
  );
}

/** `/deals/:id`: one deal, what the user may do to it now, and its history. */
export function DealPage({ user }: { user: UserView }) {
  const { id } = useParams();
  const deal = useDeal(id);
  return (
    <QueryState query={deal}>
      {(loaded) => <DealDetail deal={loaded} side={dealSide(user, loaded)} />}
    </QueryState>
  );
}
