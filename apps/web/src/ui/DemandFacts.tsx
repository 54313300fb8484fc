import { useTranslation } from 'react-i18next';
import type { DemandView } from '@kepai/contracts';
import { formatMediumDateTime } from '../lib/dates';
import { Money } from './Money';

/** A demand in one line: (whose,) its field, budget, deadline and when it was posted. */
export function DemandFacts({
  demand,
  withEnterprise = false,
}: {
  demand: DemandView;
  /** Whether to start with the enterprise that posted it. */
  withEnterprise?: boolean;
}) {
  const { t, i18n } = useTranslation();
  return (
    <span className="muted">
      {withEnterprise ? `${demand.enterprise.name} · ` : null}
      {t(`fields.${demand.field}`)} ·{' '}
      {demand.budget === undefined ? t('demand.noBudget') : <Money fen={demand.budget} />}
      {demand.deadline ? ` · ${t('demand.deadline', { date: demand.deadline })}` : null}
      {` · ${formatMediumDateTime(demand.createdAt, i18n.language)}`}
    </span>
  );
}
