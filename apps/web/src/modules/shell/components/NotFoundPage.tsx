import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';

export function NotFoundPage() {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <section className="not-found" data-testid="not-found">
      <h1>{t('notFound.title')}</h1>
      <p>
        {t('notFound.body')} <code>{location.pathname}</code>
      </p>
      <Link to="/">{t('notFound.back')}</Link>
    </section>
  );
}
