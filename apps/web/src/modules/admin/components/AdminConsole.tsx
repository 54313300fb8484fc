import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router';
import type { UserView } from '@kepai/contracts';
import { ConsoleLayout } from '../../../ui/ConsoleLayout';
import { AuditPage } from './AuditPage';
import { OrganisationsPage } from './OrganisationsPage';
import { ReviewPage } from './ReviewPage';
import '../admin.css';

const BASE = '/console/admin';

/** The platform's console: 实名认证 of organisations, review of listings, the audit log. */
export function AdminConsole({ user }: { user: UserView }) {
  const { t } = useTranslation();
  const items = [
    {
      key: 'organisations',
      to: `${BASE}/organisations`,
      label: t('admin.menu.organisations'),
    },
    { key: 'review', to: `${BASE}/review`, label: t('admin.menu.review') },
    { key: 'audit', to: `${BASE}/audit`, label: t('admin.menu.audit') },
  ];
  return (
    <ConsoleLayout
      className="adm-console"
      title={t('admin.title')}
      user={user}
      subtitle={user.displayName}
      menuLabel={t('admin.menu.label')}
      items={items}
      menu="bar"
    >
      <Routes>
        <Route index element={<OrganisationsPage />} />
        <Route path="organisations" element={<OrganisationsPage />} />
        <Route path="review" element={<ReviewPage />} />
        <Route path="audit" element={<AuditPage />} />
        <Route path="*" element={<Navigate to={BASE} replace />} />
      </Routes>
    </ConsoleLayout>
  );
}
