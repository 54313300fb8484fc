import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router';
import type { UserView } from '@kepai/contracts';
import { ConsoleLayout } from '../../../ui/ConsoleLayout';
import { MyLotsPage } from './MyLotsPage';
import { MyResultsPage } from './MyResultsPage';
import { ResultFormPage } from './ResultFormPage';
import { UnverifiedBanner } from './UnverifiedBanner';
import '../institute.css';

export const INSTITUTE_BASE = '/console/institute';

/**
 * The institute's console (机构工作台): its results and their review, the result form with
 * attachments, and the interest and bids on its lots.
 */
export function InstituteConsole({ user }: { user: UserView }) {
  const { t } = useTranslation();
  const items = [
    { key: 'results', to: `${INSTITUTE_BASE}/results`, label: t('institute.menu.results') },
    { key: 'new', to: `${INSTITUTE_BASE}/results/new`, label: t('institute.menu.new') },
    { key: 'lots', to: `${INSTITUTE_BASE}/lots`, label: t('institute.menu.lots') },
  ];
  return (
    <ConsoleLayout
      className="inst-console"
      title={t('institute.title')}
      user={user}
      unverified={<UnverifiedBanner />}
      menuLabel={t('institute.menu.label')}
      items={items}
      menu="bar"
    >
      <Routes>
        <Route index element={<Navigate to="results" replace />} />
        <Route path="results" element={<MyResultsPage user={user} />} />
        <Route path="results/new" element={<ResultFormPage user={user} />} />
        <Route path="results/:id/edit" element={<ResultFormPage user={user} />} />
        <Route path="lots" element={<MyLotsPage user={user} />} />
        <Route path="*" element={<Navigate to="results" replace />} />
      </Routes>
    </ConsoleLayout>
  );
}
