import { Menu } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Route, Routes, useLocation } from 'react-router';
import type { UserView } from '@kepai/contracts';
import { AuditPage } from './AuditPage';
import { OrganisationsPage } from './OrganisationsPage';
import { ReviewPage } from './ReviewPage';
import '../admin.css';

const BASE = '/console/admin';

function selectedKey(pathname: string): string {
  const rest = pathname.slice(BASE.length);
  if (rest.startsWith('/review')) return 'review';
  if (rest.startsWith('/audit')) return 'audit';
  return 'organisations';
}

/** The platform's console: 实名认证 of organisations, review of listings, the audit log. */
export function AdminConsole({ user }: { user: UserView }) {
  const { t } = useTranslation();
  const location = useLocation();
  const items = [
    {
      key: 'organisations',
      label: <NavLink to={`${BASE}/organisations`}>{t('admin.menu.organisations')}</NavLink>,
    },
    { key: 'review', label: <NavLink to={`${BASE}/review`}>{t('admin.menu.review')}</NavLink> },
    { key: 'audit', label: <NavLink to={`${BASE}/audit`}>{t('admin.menu.audit')}</NavLink> },
  ];
  return (
    <div className="adm-console">
      <header className="adm-head">
        <h1 className="page-title">{t('admin.title')}</h1>
        <span className="adm-muted">{user.displayName}</span>
      </header>
      <nav aria-label={t('admin.menu.label')}>
        <Menu
          mode="horizontal"
          className="adm-menu"
          selectedKeys={[selectedKey(location.pathname)]}
          items={items}
        />
      </nav>
      <Routes>
        <Route index element={<OrganisationsPage />} />
        <Route path="organisations" element={<OrganisationsPage />} />
        <Route path="review" element={<ReviewPage />} />
        <Route path="audit" element={<AuditPage />} />
        <Route path="*" element={<Navigate to={BASE} replace />} />
      </Routes>
    </div>
  );
}
