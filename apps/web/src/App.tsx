import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, Skeleton } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { Suspense, lazy, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { LOT_ROOM_ROUTE } from './lib/routes';
import { LoginPage } from './modules/auth/components/LoginPage';
import { RegisterPage } from './modules/auth/components/RegisterPage';
import { RequireOrganisation } from './modules/auth/components/RequireOrganisation';
import { consolePath } from './modules/auth/hooks/useMe';
import { HomePage } from './modules/catalogue/components/HomePage';
import { ResultPage } from './modules/catalogue/components/ResultPage';
import { SearchPage } from './modules/catalogue/components/SearchPage';
import { SessionPage } from './modules/room/components/SessionPage';
import { SessionsPage } from './modules/room/components/SessionsPage';
import { AppShell } from './modules/shell/components/AppShell';
import { NotFoundPage } from './modules/shell/components/NotFoundPage';

// the consoles and the live room (with its chart library) load when first opened
const AdminConsole = lazy(() =>
  import('./modules/admin/components/AdminConsole').then((m) => ({ default: m.AdminConsole })),
);
const BrokerConsole = lazy(() =>
  import('./modules/broker/components/BrokerConsole').then((m) => ({ default: m.BrokerConsole })),
);
const EnterpriseConsole = lazy(() =>
  import('./modules/enterprise/components/EnterpriseConsole').then((m) => ({
    default: m.EnterpriseConsole,
  })),
);
const InstituteConsole = lazy(() =>
  import('./modules/institute/components/InstituteConsole').then((m) => ({
    default: m.InstituteConsole,
  })),
);
const DashboardPage = lazy(() =>
  import('./modules/stats/components/DashboardPage').then((m) => ({ default: m.DashboardPage })),
);
const DealPage = lazy(() =>
  import('./modules/deals/components/DealPage').then((m) => ({ default: m.DealPage })),
);
const DealsPage = lazy(() =>
  import('./modules/deals/components/DealsPage').then((m) => ({ default: m.DealsPage })),
);
const NotificationsPage = lazy(() =>
  import('./modules/notifications/components/NotificationsPage').then((m) => ({
    default: m.NotificationsPage,
  })),
);
const LiveRoomPage = lazy(() =>
  import('./modules/room/components/LiveRoomPage').then((m) => ({ default: m.LiveRoomPage })),
);

export const THEME = { token: { colorPrimary: '#c8102e', borderRadius: 6 } };

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/" element={<HomePage />} />
      <Route path="/search" element={<SearchPage />} />
      <Route path="/results/:id" element={<ResultPage />} />
      <Route path="/sessions" element={<SessionsPage />} />
      <Route path="/sessions/:id" element={<SessionPage />} />
      <Route path={LOT_ROOM_ROUTE} element={<LiveRoomPage />} />
      <Route path="/stats" element={<DashboardPage />} />
      <Route
        path="/deals"
        element={
          <RequireOrganisation types={['institute', 'enterprise', 'brokerage', 'platform']}>
            {() => <DealsPage />}
          </RequireOrganisation>
        }
      />
      <Route
        path="/deals/:id"
        element={
          <RequireOrganisation types={['institute', 'enterprise', 'brokerage', 'platform']}>
            {(user) => <DealPage user={user} />}
          </RequireOrganisation>
        }
      />
      <Route
        path="/notifications"
        element={
          <RequireOrganisation types={['institute', 'enterprise', 'brokerage', 'platform']}>
            {() => <NotificationsPage />}
          </RequireOrganisation>
        }
      />
      <Route path="/login" element={<LoginPage />} />
      <Route path="/register" element={<RegisterPage />} />
      <Route
        path="/console"
        element={
          <RequireOrganisation types={['institute', 'enterprise', 'brokerage', 'platform']}>
            {(user) => <Navigate to={consolePath(user.organisation.type)} replace />}
          </RequireOrganisation>
        }
      />
      <Route
        path="/console/institute/*"
        element={
          <RequireOrganisation types={['institute']}>
            {(user) => <InstituteConsole user={user} />}
          </RequireOrganisation>
        }
      />
      <Route
        path="/console/broker/*"
        element={
          <RequireOrganisation types={['brokerage']}>
            {(user) => <BrokerConsole user={user} />}
          </RequireOrganisation>
        }
      />
      <Route
        path="/console/enterprise/*"
        element={
          <RequireOrganisation types={['enterprise']}>
            {(user) => <EnterpriseConsole user={user} />}
          </RequireOrganisation>
        }
      />
      <Route
        path="/console/admin/*"
        element={
          <RequireOrganisation types={['platform']}>
            {(user) => <AdminConsole user={user} />}
          </RequireOrganisation>
        }
      />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

function Localised({ children }: { children: React.ReactNode }) {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN} theme={THEME}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function App() {
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 10_000, retry: 1 } } }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <Localised>
        <BrowserRouter>
          <AppShell>
            <Suspense fallback={<Skeleton active />}>
              <AppRoutes />
            </Suspense>
          </AppShell>
        </BrowserRouter>
      </Localised>
    </QueryClientProvider>
  );
}
