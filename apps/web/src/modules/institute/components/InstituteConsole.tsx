import { Menu } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Route, Routes, useLocation } from 'react-router';
import type { UserView } from '@kepai/contracts';
import { MyLotsPage } from './MyLotsPage';
import { MyResultsPage } from './MyResultsPage';
import { ResultFormPage } from './ResultFormPage';
import { UnverifiedBanner } from './UnverifiedBanner';
import '../institute.css';

export const INSTITUTE_BASE = '/console/institute';

/** The menu entry lit for a path under the console. */
function selectedKey(pathname: string): string {
  const rest = pathname.slice(INSTITUTE_BASE.length);
  if (rest.startsWith('/results/new')) return 'new';
  if (rest.startsWith('/lots')) return 'lots';
  return 'results';
}

/**
 * The institute's console (机构工作台): its results and their review, the result form with
 * attachments, and the interest and bids on its lots.
 */
export function InstituteConsole({ user }: { user: UserView }) {
  const { t } = useTranslation();
  const location = useLocation();
  const items = [
    {
      key: 'results',
      label: <NavLink to={`${INSTITUTE_BASE}/results`}>{t('institute.menu.results')}</NavLink>,
    },
    {
      key: 'new',
      label: <NavLink to={`${INSTITUTE_BASE}/results/new`}>{t('institute.menu.new')}</NavLink>,
    },
    {
      key: 'lots',
      label: <NavLink to={`${INSTITUTE_BASE}/lots`}>{t('institute.menu.lots')}</NavLink>,
    },
  ];
  return (
    <div className="inst-console">
      <header className="inst-head">
        <h1 className="page-title">{t('institute.title')}</h1>
        <span className="inst-org">{user.organisation.name}</span>
      </header>
      {!user.organisation.verified && <UnverifiedBanner />}
      <nav aria-label={t('institute.menu.label')}>
        <Menu
          mode="horizontal"
          className="inst-menu"
          selectedKeys={[selectedKey(location.pathname)]}
          items={items}
        />
      </nav>
      <div className="inst-body">
        <Routes>
          <Route index element={<Navigate to="results" replace />} />
          <Route path="results" element={<MyResultsPage user={user} />} />
          <Route path="results/new" element={<ResultFormPage user={user} />} />
          <Route path="results/:id/edit" element={<ResultFormPage user={user} />} />
          <Route path="lots" element={<MyLotsPage user={user} />} />
          <Route path="*" element={<Navigate to="results" replace />} />
        </Routes>
      </div>
    </div>
  );
}
