import { useTranslation } from 'react-i18next';
import type { DealView } from '@kepai/contracts';
import { formatDateTime } from '../logic/format';
import { historyLine } from '../logic/history';

/** The deal's history, oldest first: who did what, the status it moved to, and why. */
export function DealHistory({ deal }: { deal: DealView }) {
  const { t, i18n } = useTranslation();
  const lines = (deal.history ?? []).map((event) => historyLine(event, deal, t, i18n.language));
  return (
    <section className="deal-card" aria-labelledby="deal-history-title">
      <h2 id="deal-history-title" className="deal-card-title">
        {t('deals.history.title')}
      </h2>
      {lines.length === 0 ? <p className="muted">{t('deals.history.empty')}</p> : null}
      <ol className="deal-timeline" data-testid="deal-history">
        {lines.map((line) => (
          <li
            key={line.id}
            className={`deal-timeline-item tone-${line.tone}`}
            data-testid="deal-history-item"
          >
            <div className="deal-timeline-head">
              <strong>{line.what}</strong>
              <span className="muted">
                {line.who} ·{' '}
                <time dateTime={line.at}>{formatDateTime(line.at, i18n.language)}</time>
              </span>
            </div>
            {line.change ? (
              <div className="deal-timeline-change">
                {t('deals.history.change', { from: line.change.from, to: line.change.to })}
              </div>
            ) : null}
            {line.details.length > 0 ? (
              <ul className="deal-timeline-details">
                {line.details.map((detail, index) => (
                  <li key={index}>{detail}</li>
                ))}
              </ul>
            ) : null}
            {line.note ? <p className="deal-note-text deal-timeline-note">{line.note}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
