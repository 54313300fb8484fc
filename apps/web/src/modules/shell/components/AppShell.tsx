import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { switchLanguage } from '../../../i18n/i18n';
import { StatusLine } from './StatusLine';

export function AppShell({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const other = i18n.language === 'en' ? 'zh-CN' : 'en';
  return (
    <div className="shell">
      <header className="shell-header">
        <NavLink to="/" className="brand" aria-label={t('brand.name')}>
          <img src="/favicon.svg" alt="" width={32} height={32} />
          <span className="brand-name">{t('brand.name')}</span>
          <span className="brand-tagline">{t('brand.tagline')}</span>
        </NavLink>
        <nav className="shell-nav" aria-label={t('nav.home')}>
          <NavLink to="/" end>
            {t('nav.home')}
          </NavLink>
          <a href="/api/docs">{t('nav.apiDocs')}</a>
          <button type="button" className="link-button" onClick={() => switchLanguage(other)}>
            {t('nav.language')}
          </button>
        </nav>
      </header>
      <main className="shell-main">{children}</main>
      <footer className="shell-footer">
        <StatusLine />
        <p>{t('footer')}</p>
      </footer>
    </div>
  );
}
