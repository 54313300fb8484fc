import { Alert, Menu } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation } from 'react-router';
import type { UserView } from '@kepai/contracts';
import './console.css';

/** One entry of a console's menu: the page it opens and what it says. */
export interface ConsoleMenuItem {
  key: string;
  to: string;
  label: string;
}

/**
 * The menu entry a path belongs to: the one whose page is the longest prefix of the path, else the
 * first (the console's home).
 */
export function currentMenuKey(pathname: string, items: readonly ConsoleMenuItem[]): string {
  let current = items[0];
  for (const item of items) {
    const under = pathname === item.to || pathname.startsWith(`${item.to}/`);
    if (under && item.to.length > current.to.length) current = item;
  }
  return current.key;
}

/** ORGANISATION_UNVERIFIED before it happens, with what the organisation cannot do until then. */
export function UnverifiedNotice({ help }: { help: string }) {
  const { t } = useTranslation();
  return (
    <Alert
      className="form-alert"
      type="warning"
      showIcon
      role="status"
      title={t('errors.ORGANISATION_UNVERIFIED')}
      description={help}
      data-testid="unverified-banner"
    />
  );
}

/**
 * A console's frame: its title and whose console it is, a notice while the organisation is not
 * verified, the menu from `items` with the current entry lit, and the page below.
 */
export function ConsoleLayout({
  className,
  title,
  user,
  subtitle = user.organisation.name,
  unverified,
  menuLabel,
  items,
  menu = 'tabs',
  children,
}: {
  className: string;
  title: string;
  user: UserView;
  /** Beside the title; the organisation's name unless given. */
  subtitle?: string;
  /** What shows under the head while the user's organisation is not verified. */
  unverified?: ReactNode;
  menuLabel: string;
  items: readonly ConsoleMenuItem[];
  /** A row of tabs, or antd's horizontal menu bar (under a closer head). */
  menu?: 'tabs' | 'bar';
  children: ReactNode;
}) {
  const { pathname } = useLocation();
  const current = currentMenuKey(pathname, items);
  return (
    <div className={`console-page ${className}`}>
      <header className={menu === 'bar' ? 'console-head console-head-tight' : 'console-head'}>
        <h1 className="page-title">{title}</h1>
        <span className="console-org">{subtitle}</span>
      </header>
      {user.organisation.verified ? null : unverified}
      <nav aria-label={menuLabel}>
        {menu === 'bar' ? (
          <Menu
            mode="horizontal"
            className="console-menu"
            selectedKeys={[current]}
            items={items.map((item) => ({
              key: item.key,
              label: <NavLink to={item.to}>{item.label}</NavLink>,
            }))}
          />
        ) : (
          <ul className="console-tabs">
            {items.map((item) => (
              <li key={item.key} className={item.key === current ? 'current' : undefined}>
                <Link to={item.to} aria-current={item.key === current ? 'page' : undefined}>
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </nav>
      <div className="console-body">{children}</div>
    </div>
  );
}
