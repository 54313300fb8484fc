import { Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DemandMatch } from '@kepai/contracts';
import { formatMediumDateTime } from '../lib/dates';
import { matchPercents } from '../lib/matches';
import { Money } from './Money';

/**
 * The results matched to a demand, best first as the api ranks them: how well each fits, and who
 * recommended it with what note.
 */
export function DemandMatchList({
  matches,
  limit,
  signNotes = false,
  action,
}: {
  matches: readonly DemandMatch[];
  /** How many of them to show; all when left out. */
  limit?: number;
  /** Whether a recommendation's note names the broker who wrote it. */
  signNotes?: boolean;
  /** What a match offers under it, e.g. a button to recommend it. */
  action?: (match: DemandMatch) => ReactNode;
}) {
  const { t, i18n } = useTranslation();
  // percentages of the best of all the matches, also of those not shown
  const percents = matchPercents(matches);
  const shown = limit === undefined ? matches : matches.slice(0, limit);
  return (
    <ul className="console-list" data-testid="demand-matches">
      {shown.map((match, index) => (
        <li key={match.result.id} className="console-item" data-testid="match-row">
          <div className="console-item-head">
            <Link to={`/results/${match.result.id}`} className="console-item-title">
              {match.result.title}
            </Link>
            {percents[index] === null ? null : (
              <Tag color="blue">{t('demand.score', { percent: percents[index] })}</Tag>
            )}
            {match.linkedBy ? (
              <Tag color="purple">{t('demand.linkedBy', { name: match.linkedBy.brokerName })}</Tag>
            ) : null}
          </div>
          <div className="muted">
            {match.result.institute.name} · {t(`fields.${match.result.field}`)} ·{' '}
            <Money fen={match.result.askingPrice} />
          </div>
          {match.linkedBy?.note ? (
            <blockquote className="link-note">
              {match.linkedBy.note}
              <footer>
                {signNotes ? `${match.linkedBy.brokerName} · ` : null}
                {formatMediumDateTime(match.linkedBy.at, i18n.language)}
              </footer>
            </blockquote>
          ) : null}
          {action?.(match)}
        </li>
      ))}
    </ul>
  );
}
