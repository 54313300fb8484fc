import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router';
import type { UserView } from '@kepai/contracts';
import { ConsoleLayout, UnverifiedNotice } from '../../../ui/ConsoleLayout';
import { MyBids } from './MyBids';
import { MyDeals } from './MyDeals';
import { MyDemands } from './MyDemands';
import { MyFavourites } from './MyFavourites';
import { MyRegistrations } from './MyRegistrations';
import '../enterprise.css';

const HOME = '/console/enterprise';
/** The menu, in order; the console's home is the registrations. */
const SECTIONS = ['registrations', 'bids', 'deals', 'favourites', 'demands'] as const;

/**
 * The enterprise's console (`/console/enterprise/*`): its registrations, bids, won lots and deals,
 * favourites and technology demands.
 */
export function EnterpriseConsole({ user }: { user: UserView }) {
  const { t } = useTranslation();
  const items = SECTIONS.map((section) => ({
    key: section,
    to: section === 'registrations' ? HOME : `${HOME}/${section}`,
    label: t(`enterprise.menu.${section}`),
  }));
  return (
    <ConsoleLayout
      className="enterprise-console"
      title={t('enterprise.title')}
      user={user}
      unverified={<UnverifiedNotice help={t('enterprise.unverifiedHelp')} />}
      menuLabel={t('enterprise.menu.label')}
      items={items}
    >
      <Routes>
        <Route index element={<MyRegistrations />} />
        <Route path="registrations" element={<Navigate to={HOME} replace />} />
        <Route path="bids" element={<MyBids />} />
        <Route path="deals" element={<MyDeals />} />
        <Route path="favourites" element={<MyFavourites />} />
        <Route path="demands" element={<MyDemands user={user} />} />
        <Route path="*" element={<Navigate to={HOME} replace />} />
      </Routes>
    </ConsoleLayout>
  );
}
