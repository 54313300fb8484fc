import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { HealthComponent } from '@kepai/contracts';
import { useHealth } from '../hooks/useHealth';

/**
 * The details the server reports (`HealthComponent.detail`, English and technical) and the key of
 * each one's words in `status.detail.*`; null where it adds nothing to the component's name.
 */
const KNOWN_DETAILS: Readonly<Record<string, string | null>> = {
  'embedded pglite': 'pglite',
  postgresql: 'postgresql',
  'in-process': 'inProcess',
  redis: null,
};

/**
 * A component's detail in the page's language, or null when there is nothing to say: a detail
 * the page does not know is kept as data on the element (`data-detail`), never shown untranslated.
 */
export function detailText(detail: string | undefined, t: TFunction): string | null {
  if (detail === undefined || detail === '') return null;
  const key = KNOWN_DETAILS[detail];
  return key === undefined || key === null ? null : t(`status.detail.${key}`);
}

function Component({
  name,
  value,
  testId,
}: {
  name: string;
  value: HealthComponent;
  testId: string;
}) {
  const { t } = useTranslation();
  const status = t(`status.component.${value.status}`);
  const detail = detailText(value.detail, t);
  return (
    <span
      className={`status-component status-${value.status}`}
      data-testid={testId}
      data-status={value.status}
      data-detail={value.detail}
    >
      {detail === null
        ? t('status.line', { name, status })
        : t('status.lineDetail', { name, status, detail })}
    </span>
  );
}

/** A live line at the foot of every page: is the exchange up, and what time is it on the server. */
export function StatusLine() {
  const { t, i18n } = useTranslation();
  const health = useHealth();
  let state: 'checking' | 'ok' | 'error' | 'unreachable' = 'checking';
  if (health.data) state = health.data.status === 'ok' ? 'ok' : 'error';
  else if (health.isError) state = 'unreachable';

  return (
    <div
      className={`status-line status-line-${state}`}
      role="status"
      aria-live="polite"
      data-testid="status-line"
      data-state={state}
    >
      <span className="status-dot" aria-hidden="true" />
      <strong>{t(`status.${state}`)}</strong>
      {health.data && (
        <>
          <Component
            name={t('status.database')}
            value={health.data.database}
            testId="status-database"
          />
          <Component name={t('status.redis')} value={health.data.redis} testId="status-redis" />
          <span className="status-time">
            {t('status.serverTime', {
              time: new Date(health.data.serverTime).toLocaleString(i18n.language),
            })}
          </span>
          <span className="status-version">
            {t('status.version', { version: health.data.version })}
          </span>
        </>
      )}
    </div>
  );
}
