import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router';
import type { UserView } from '@kepai/contracts';
import { ConsoleSession } from './ConsoleSession';
import { DemandsBoard } from './DemandsBoard';
import { MySessions } from './MySessions';
import { NewSession } from './NewSession';
import '../../../ui/console.css';
import '../broker.css';

export const BROKER_HOME = '/console/broker';

/** The menu entry a console path belongs to. */
function menuKey(pathname: string): string {
  const rest = pathname.slice(BROKER_HOME.length);
  if (rest.startsWith('/sessions/new')) return 'new';
  if (rest.startsWith('/demands')) return 'demands';
  return 'sessions';
}

/**
 * The broker's console (`/console/broker/*`): the sessions the brokerage hosts, a new session, one
 * session's lots and registrations, and enterprise demands to match with results.
 */
export function BrokerConsole({ user }: { user: UserView }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const current = menuKey(pathname);
  const items = [
    { key: 'sessions', to: BROKER_HOME },
    { key: 'new', to: `${BROKER_HOME}/sessions/new` },
    { key: 'demands', to: `${BROKER_HOME}/demands` },
  ];
  return (
    <div className="broker-console">
      <header className="console-head">
        <h1 className="page-title">{t('broker.title')}</h1>
        <span className="console-org">{user.organisation.name}</span>
      </header>
      {user.organisation.verified ? null : (
        <Alert
          className="form-alert"
          type="warning"
          showIcon
          role="status"
          title={t('errors.ORGANISATION_UNVERIFIED')}
          description={t('broker.unverifiedHelp')}
          data-testid="unverified-banner"
        />
      )}
      <nav aria-label={t('broker.menu.label')}>
        <ul className="console-tabs">
          {items.map((item) => (
            <li key={item.key} className={item.key === current ? 'current' : undefined}>
              <Link to={item.to} aria-current={item.key === current ? 'page' : undefined}>
                {t(`broker.menu.${item.key}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="console-body">
        <Routes>
          <Route index element={<MySessions user={user} />} />
          <Route path="sessions/new" element={<NewSession user={user} />} />
          <Route path="sessions/:id" element={<ConsoleSession user={user} />} />
          <Route path="demands" element={<DemandsBoard user={user} />} />
          <Route path="*" element={<Navigate to={BROKER_HOME} replace />} />
        </Routes>
      </div>
    </div>
  );
}
