import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import enAdmin from './locales/en/admin.json';
import enBroker from './locales/en/broker.json';
import enCatalogue from './locales/en/catalogue.json';
import enCommon from './locales/en/common.json';
import enStats from './locales/en/stats.json';
import enNotifications from './locales/en/notifications.json';
import enDeals from './locales/en/deals.json';
import enEnterprise from './locales/en/enterprise.json';
import enInstitute from './locales/en/institute.json';
import enRoom from './locales/en/room.json';
import zhAdmin from './locales/zh-CN/admin.json';
import zhBroker from './locales/zh-CN/broker.json';
import zhCatalogue from './locales/zh-CN/catalogue.json';
import zhCommon from './locales/zh-CN/common.json';
import zhStats from './locales/zh-CN/stats.json';
import zhNotifications from './locales/zh-CN/notifications.json';
import zhDeals from './locales/zh-CN/deals.json';
import zhEnterprise from './locales/zh-CN/enterprise.json';
import zhInstitute from './locales/zh-CN/institute.json';
import zhRoom from './locales/zh-CN/room.json';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'kepai.language';

/**
 * One translation per language, put together from one file per module; each module's file holds
 * one top-level key named after it (`catalogue.*`, `room.*`, …), so modules never collide.
 */
const resources = {
  'zh-CN': {
    translation: {
      ...zhCommon,
      ...zhCatalogue,
      ...zhRoom,
      ...zhInstitute,
      ...zhBroker,
      ...zhEnterprise,
      ...zhAdmin,
      ...zhStats,
      ...zhNotifications,
      ...zhDeals,
    },
  },
  en: {
    translation: {
      ...enCommon,
      ...enCatalogue,
      ...enRoom,
      ...enInstitute,
      ...enBroker,
      ...enEnterprise,
      ...enAdmin,
      ...enStats,
      ...enNotifications,
      ...enDeals,
    },
  },
};

function initialLanguage(): Language {
  const stored = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  return stored === 'en' ? 'en' : 'zh-CN';
}

/**
 * The dayjs locale of a page language. antd's date pickers name the months and weekdays and pick
 * the first day of the week through dayjs: in Chinese 一…日 from Monday, in English Su…Sa.
 */
export function dayjsLocaleOf(language: string): 'zh-cn' | 'en' {
  return language.startsWith('zh') ? 'zh-cn' : 'en';
}

/** Chinese first, English beside it; dayjs (the date pickers) follows every change of language. */
export function setupI18n(language: Language = initialLanguage()): typeof i18n {
  if (!i18n.isInitialized) {
    i18n.on('languageChanged', (changed: string) => {
      dayjs.locale(dayjsLocaleOf(changed));
    });
    void i18n.use(initReactI18next).init({
      resources,
      lng: language,
      fallbackLng: 'zh-CN',
      interpolation: { escapeValue: false },
      initAsync: false,
    });
    dayjs.locale(dayjsLocaleOf(i18n.language));
  }
  return i18n;
}

export function switchLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
  void i18n.changeLanguage(language);
}
