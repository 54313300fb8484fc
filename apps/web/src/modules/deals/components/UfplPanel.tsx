import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DealUfplView, DealView, UfplStatementView } from '@kepai/contracts';
import { formatFen } from '../../../lib/money';
import { formatDate, formatDateTime } from '../logic/format';

function Statement({ party, said }: { party: 'buyer' | 'seller'; said?: UfplStatementView }) {
  const { t, i18n } = useTranslation();
  return (
    <li data-testid={`ufpl-statement-${party}`} data-outcome={said?.outcome ?? ''}>
      <strong>{t(`deals.side.${party}`)}</strong>{' '}
      {said ? (
        <>
          {t(said.agree ? 'deals.ufpl.said' : 'deals.ufpl.disputed', {
            outcome: t(`deals.outcome.${said.outcome}`),
          })}{' '}
          <span className="muted">{formatDateTime(said.at, i18n.language)}</span>
        </>
      ) : (
        <span className="muted">{t('deals.ufpl.notYet')}</span>
      )}
    </li>
  );
}

/** The plain-words account of where the use, the outcome and the fee stand. */
function Story({ deal, ufpl }: { deal: DealView; ufpl: DealUfplView }) {
  const { t, i18n } = useTranslation();
  const fee = formatFen(ufpl.fee, i18n.language);
  const lines: string[] = [];
  lines.push(
    ufpl.useStartedAt && ufpl.termEndsAt
      ? t('deals.ufpl.term', {
          count: ufpl.termMonths,
          from: formatDate(ufpl.useStartedAt, i18n.language),
          to: formatDate(ufpl.termEndsAt, i18n.language),
        })
      : t('deals.ufpl.termNotStarted', { count: ufpl.termMonths }),
  );
  if (ufpl.outcome === 'achieved') {
    lines.push(
      ufpl.dueAt
        ? t('deals.ufpl.achievedDue', { fee, date: formatDate(ufpl.dueAt, i18n.language) })
        : t('deals.ufpl.achieved', { fee }),
    );
    if (deal.status === 'completed') lines.push(t('deals.ufpl.paid'));
    else if (deal.status === 'overdue') lines.push(t('deals.ufpl.overdue'));
  } else if (ufpl.outcome === 'not_achieved') {
    lines.push(t('deals.ufpl.notAchieved'));
  } else {
    lines.push(
      ufpl.termEndsAt
        ? t('deals.ufpl.ifAchievedDated', {
            fee,
            count: ufpl.paymentWindowDays,
            date: formatDate(ufpl.termEndsAt, i18n.language),
          })
        : t('deals.ufpl.ifAchieved', { fee, count: ufpl.paymentWindowDays }),
    );
    lines.push(t('deals.ufpl.ifNot'));
  }
  return (
    <div className="ufpl-story" data-testid="ufpl-story">
      {lines.map((line, index) => (
        <p key={index}>{line}</p>
      ))}
    </div>
  );
}

/**
 * Use-first-pay-later (先使用后付费) in plain words: the term, the criteria with the evidence given
 * against each, both parties' statements, the outcome and who settled it, and the fee and its due
 * date.
 */
export function UfplPanel({ deal }: { deal: DealView }) {
  const { t, i18n } = useTranslation();
  const ufpl = deal.ufpl;
  if (ufpl === undefined) return null;
  return (
    <section className="deal-card ufpl-panel" aria-labelledby="ufpl-title" data-testid="ufpl-panel">
      <h2 id="ufpl-title" className="deal-card-title">
        {t('deals.ufpl.title')}
      </h2>
      <Story deal={deal} ufpl={ufpl} />
      <dl className="deal-facts">
        <div>
          <dt>{t('deals.ufpl.termLabel')}</dt>
          <dd>{t('deals.ufpl.months', { count: ufpl.termMonths })}</dd>
        </div>
        <div>
          <dt>{t('deals.ufpl.feeLabel')}</dt>
          <dd className="money">{formatFen(ufpl.fee, i18n.language)}</dd>
        </div>
        <div>
          <dt>{t('deals.ufpl.windowLabel')}</dt>
          <dd>{t('deals.ufpl.days', { count: ufpl.paymentWindowDays })}</dd>
        </div>
        <div>
          <dt>{t('deals.ufpl.startedLabel')}</dt>
          <dd>{formatDate(ufpl.useStartedAt, i18n.language)}</dd>
        </div>
        <div>
          <dt>{t('deals.ufpl.endsLabel')}</dt>
          <dd>{formatDate(ufpl.termEndsAt, i18n.language)}</dd>
        </div>
        <div>
          <dt>{t('deals.ufpl.dueLabel')}</dt>
          <dd>{formatDate(ufpl.dueAt, i18n.language)}</dd>
        </div>
      </dl>

      <h3 className="deal-subtitle">{t('deals.ufpl.criteria')}</h3>
      <ol className="ufpl-criteria" data-testid="ufpl-criteria">
        {ufpl.evidence.map((item, index) => (
          <li key={index} data-testid="ufpl-criterion" data-evidence={item.entries.length}>
            <div className="ufpl-criterion-head">
              <span>{item.criterion}</span>
              {item.entries.length > 0 ? (
                <Tag color="green">{t('deals.evidence.count', { count: item.entries.length })}</Tag>
              ) : (
                <Tag>{t('deals.ufpl.noEvidence')}</Tag>
              )}
            </div>
            {item.entries.length > 0 ? (
              <ul className="ufpl-evidence">
                {item.entries.map((entry, entryIndex) => (
                  <li key={entryIndex}>
                    <p className="deal-note-text">{entry.text}</p>
                    <span className="muted">{formatDateTime(entry.at, i18n.language)}</span>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>

      <h3 className="deal-subtitle">{t('deals.ufpl.confirmations')}</h3>
      <ul className="deal-statements">
        <Statement party="buyer" said={ufpl.confirmations.buyer} />
        <Statement party="seller" said={ufpl.confirmations.seller} />
      </ul>

      <h3 className="deal-subtitle">{t('deals.ufpl.outcomeTitle')}</h3>
      {ufpl.outcome ? (
        <div data-testid="ufpl-outcome" data-outcome={ufpl.outcome}>
          <p>
            <Tag color={ufpl.outcome === 'achieved' ? 'green' : 'default'}>
              {t(`deals.outcome.${ufpl.outcome}`)}
            </Tag>
            {ufpl.decidedBy ? t(`deals.ufpl.decidedBy.${ufpl.decidedBy}`) : null}
          </p>
          {ufpl.decisionReason ? (
            <blockquote className="deal-quote">
              <span className="muted">{t('deals.ufpl.reason')}</span>
              <p className="deal-note-text">{ufpl.decisionReason}</p>
            </blockquote>
          ) : null}
        </div>
      ) : (
        <p className="muted" data-testid="ufpl-outcome" data-outcome="">
          {deal.status === 'disputed' ? t('deals.ufpl.awaitingDecision') : t('deals.ufpl.open')}
        </p>
      )}
    </section>
  );
}
