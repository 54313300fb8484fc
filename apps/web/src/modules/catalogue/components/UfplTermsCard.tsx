import type { UfplTerms } from '@kepai/contracts';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../lib/money';

/** The use-first-pay-later terms (先使用后付费) in plain words. */
export function UfplTermsCard({ terms }: { terms: UfplTerms }) {
  const { t, i18n } = useTranslation();
  const fee = formatFen(terms.fee, i18n.language);
  return (
    <section className="ufpl" data-testid="ufpl-terms" aria-labelledby="ufpl-title">
      <h2 id="ufpl-title" className="cat-aside-title">
        {t('catalogue.ufpl.title')}
      </h2>
      <p>{t('catalogue.ufpl.use', { count: terms.termMonths })}</p>
      <p>{t('catalogue.ufpl.ifMet', { fee, days: terms.paymentWindowDays })}</p>
      <ol className="ufpl-criteria">
        {terms.criteria.map((criterion, index) => (
          <li key={index}>{criterion}</li>
        ))}
      </ol>
      <p>{t('catalogue.ufpl.ifNotMet')}</p>
      <dl className="ufpl-facts">
        <div>
          <dt>{t('catalogue.ufpl.term')}</dt>
          <dd>{t('catalogue.ufpl.months', { count: terms.termMonths })}</dd>
        </div>
        <div>
          <dt>{t('catalogue.ufpl.fee')}</dt>
          <dd className="money">{fee}</dd>
        </div>
        <div>
          <dt>{t('catalogue.ufpl.window')}</dt>
          <dd>{t('catalogue.ufpl.days', { count: terms.paymentWindowDays })}</dd>
        </div>
      </dl>
    </section>
  );
}
