import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router';
import type { UserView } from '@kepai/contracts';
import { ConsoleLayout, UnverifiedNotice } from '../../../ui/ConsoleLayout';
import { ConsoleSession } from './ConsoleSession';
import { DemandsBoard } from './DemandsBoard';
import { MySessions } from './MySessions';
import { NewSession } from './NewSession';
import '../broker.css';

export const BROKER_HOME = '/console/broker';

/**
 * The broker's console (`/console/broker/*`): the sessions the brokerage hosts, a new session, one
 * session's lots and registrations, and enterprise demands to match with results.
 */
export function BrokerConsole({ user }: { user: UserView }) {
  const { t } = useTranslation();
  const items = [
    { key: 'sessions', to: BROKER_HOME, label: t('broker.menu.sessions') },
    { key: 'new', to: `${BROKER_HOME}/sessions/new`, label: t('broker.menu.new') },
    { key: 'demands', to: `${BROKER_HOME}/demands`, label: t('broker.menu.demands') },
  ];
  return (
    <ConsoleLayout
      className="broker-console"
      title={t('broker.title')}
      user={user}
      unverified={<UnverifiedNotice help={t('broker.unverifiedHelp')} />}
      menuLabel={t('broker.menu.label')}
      items={items}
    >
      <Routes>
        <Route index element={<MySessions user={user} />} />
        <Route path="sessions/new" element={<NewSession user={user} />} />
        <Route path="sessions/:id" element={<ConsoleSession user={user} />} />
        <Route path="demands" element={<DemandsBoard user={user} />} />
        <Route path="*" element={<Navigate to={BROKER_HOME} replace />} />
      </Routes>
    </ConsoleLayout>
  );
}
