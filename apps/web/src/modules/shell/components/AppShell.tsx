import { Button, Dropdown, Layout, Menu, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation, useNavigate } from 'react-router';
import { switchLanguage } from '../../../i18n/i18n';
import { consolePath, useLogout, useMe } from '../../auth/hooks/useMe';
import { NotificationBell } from '../../notifications/components/NotificationBell';
import { StatusLine } from './StatusLine';

/** The first path segment names the menu entry that is lit. */
function selectedKey(pathname: string): string {
  if (pathname === '/') return '/';
  if (pathname.startsWith('/search') || pathname.startsWith('/results')) return '/search';
  if (pathname.startsWith('/sessions') || pathname.startsWith('/lots')) return '/sessions';
  if (pathname.startsWith('/console') || pathname.startsWith('/deals')) return '/console';
  if (pathname.startsWith('/stats')) return '/stats';
  return pathname;
}

function UserMenu() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const logout = useLogout();
  if (me.isPending) return null;
  if (!me.data) {
    return (
      <span className="user-menu">
        <Link to="/login">{t('nav.login')}</Link>
        <Link to="/register">{t('nav.register')}</Link>
      </span>
    );
  }
  const user = me.data;
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          {
            key: 'console',
            label: <Link to={consolePath(user.organisation.type)}>{t('nav.console')}</Link>,
          },
          { key: 'deals', label: <Link to="/deals">{t('nav.deals')}</Link> },
          {
            key: 'notifications',
            label: <Link to="/notifications">{t('nav.notifications')}</Link>,
          },
          {
            key: 'logout',
            label: t('nav.logout'),
            onClick: () => logout.mutate(undefined, { onSettled: () => void navigate('/') }),
          },
        ],
      }}
    >
      <Button type="text" data-testid="user-menu" className="user-button">
        <span className="user-name">{user.displayName}</span>
        <span className="user-org">{user.organisation.name}</span>
        {!user.organisation.verified && <Tag color="orange">{t('auth.unverified')}</Tag>}
      </Button>
    </Dropdown>
  );
}

export function AppShell({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const me = useMe();
  const other = i18n.language === 'en' ? 'zh-CN' : 'en';
  const items = [
    {
      key: '/',
      label: (
        <NavLink to="/" end>
          {t('nav.home')}
        </NavLink>
      ),
    },
    { key: '/search', label: <NavLink to="/search">{t('nav.results')}</NavLink> },
    { key: '/sessions', label: <NavLink to="/sessions">{t('nav.sessions')}</NavLink> },
    { key: '/stats', label: <NavLink to="/stats">{t('nav.stats')}</NavLink> },
    ...(me.data
      ? [
          {
            key: '/console',
            label: (
              <NavLink to={consolePath(me.data.organisation.type)}>{t('nav.console')}</NavLink>
            ),
          },
        ]
      : []),
  ];
  return (
    <Layout className="shell">
      <Layout.Header className="shell-header">
        <NavLink to="/" className="brand" aria-label={t('brand.name')}>
          <img src="/favicon.svg" alt="" width={32} height={32} />
          <span className="brand-name">{t('brand.name')}</span>
          <span className="brand-tagline">{t('brand.tagline')}</span>
        </NavLink>
        <nav className="shell-nav" aria-label={t('nav.home')}>
          <Menu
            mode="horizontal"
            selectedKeys={[selectedKey(location.pathname)]}
            items={items}
            className="shell-menu"
            disabledOverflow
          />
          {me.data && <NotificationBell />}
          <UserMenu />
          <Button type="text" onClick={() => switchLanguage(other)}>
            {t('nav.language')}
          </Button>
        </nav>
      </Layout.Header>
      <Layout.Content className="shell-main">{children}</Layout.Content>
      <Layout.Footer className="shell-footer">
        <StatusLine />
        <p>
          {t('footer')} · <a href="/api/docs">{t('nav.apiDocs')}</a>
        </p>
      </Layout.Footer>
    </Layout>
  );
}
