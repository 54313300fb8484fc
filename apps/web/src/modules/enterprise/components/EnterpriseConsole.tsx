import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router';
import type { UserView } from '@kepai/contracts';
import { MyBids } from './MyBids';
import { MyDeals } from './MyDeals';
import { MyDemands } from './MyDemands';
import { MyFavourites } from './MyFavourites';
import { MyRegistrations } from './MyRegistrations';
import '../../../ui/console.css';
import '../enterprise.css';

const HOME = '/console/enterprise';
const SECTIONS = ['registrations', 'bids', 'deals', 'favourites', 'demands'] as const;
type Section = (typeof SECTIONS)[number];

/** The menu entry of a console path; the console's home is the registrations. */
function menuKey(pathname: string): Section {
  const first = pathname.slice(HOME.length).split('/')[1] ?? '';
  return (SECTIONS as readonly string[]).includes(first) ? (first as Section) : 'registrations';
}

/**
 * The enterprise's console (`/console/enterprise/*`): its registrations, bids, won lots and deals,
 * favourites and technology demands.
 */
export function EnterpriseConsole({ user }: { user: UserView }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const current = menuKey(pathname);
  const items = SECTIONS.map((section) => ({
    key: section,
    to: section === 'registrations' ? HOME : `${HOME}/${section}`,
  }));

  return (
    <div className="enterprise-console">
      <header className="console-head">
        <h1 className="page-title">{t('enterprise.title')}</h1>
        <span className="console-org">{user.organisation.name}</span>
      </header>
      {user.organisation.verified ? null : (
        <Alert
          className="form-alert"
          type="warning"
          showIcon
          role="status"
          title={t('errors.ORGANISATION_UNVERIFIED')}
          description={t('enterprise.unverifiedHelp')}
          data-testid="unverified-banner"
        />
      )}
      <nav aria-label={t('enterprise.menu.label')}>
        <ul className="console-tabs">
          {items.map((item) => (
            <li key={item.key} className={item.key === current ? 'current' : undefined}>
              <Link to={item.to} aria-current={item.key === current ? 'page' : undefined}>
                {t(`enterprise.menu.${item.key}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="console-body">
        <Routes>
          <Route index element={<MyRegistrations />} />
          <Route path="registrations" element={<Navigate to={HOME} replace />} />
          <Route path="bids" element={<MyBids />} />
          <Route path="deals" element={<MyDeals />} />
          <Route path="favourites" element={<MyFavourites />} />
          <Route path="demands" element={<MyDemands user={user} />} />
          <Route path="*" element={<Navigate to={HOME} replace />} />
        </Routes>
      </div>
    </div>
  );
}
