import { useTranslation } from 'react-i18next';
import type { HealthComponent } from '@kepai/contracts';
import { useHealth } from '../hooks/useHealth';

function Component({ name, value }: { name: string; value: HealthComponent }) {
  const { t } = useTranslation();
  return (
    <span className={`status-component status-${value.status}`}>
      {name}: {t(`status.component.${value.status}`)}
      {value.detail ? ` (${value.detail})` : ''}
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
          <Component name={t('status.database')} value={health.data.database} />
          <Component name={t('status.redis')} value={health.data.redis} />
          <span className="status-time">
            {t('status.serverTime')}:{' '}
            {new Date(health.data.serverTime).toLocaleString(i18n.language)}
          </span>
          <span className="status-version">v{health.data.version}</span>
        </>
      )}
    </div>
  );
}
