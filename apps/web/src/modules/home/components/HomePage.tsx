import { useTranslation } from 'react-i18next';
import { FIELDS, ORGANISATION_TYPES, TRANSACTION_MODES } from '@kepai/contracts';

export function HomePage() {
  const { t } = useTranslation();
  return (
    <div className="home">
      <section className="hero">
        <h1>{t('home.title')}</h1>
        <p>{t('home.lead')}</p>
      </section>
      <section aria-labelledby="fields-title">
        <h2 id="fields-title">{t('home.fieldsTitle')}</h2>
        <ul className="tiles">
          {FIELDS.map((field) => (
            <li key={field} className={`tile field-${field}`}>
              {t(`fields.${field}`)}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="modes-title">
        <h2 id="modes-title">{t('home.modesTitle')}</h2>
        <ul className="chips">
          {TRANSACTION_MODES.map((mode) => (
            <li key={mode} className={`chip mode-${mode}`}>
              {t(`modes.${mode}`)}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="roles-title">
        <h2 id="roles-title">{t('home.rolesTitle')}</h2>
        <ul className="roles">
          {[...ORGANISATION_TYPES, 'platform' as const].map((role) => (
            <li key={role}>{t(`home.roles.${role}`)}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}
