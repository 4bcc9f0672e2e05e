import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { CATALOGS, type Language } from '../shared/i18n/messages';

const STORAGE_KEY = 'wijkweb.taal';

export function storedLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'nl';
  } catch {
    return 'nl';
  }
}

export async function initI18n(): Promise<void> {
  await i18next.use(initReactI18next).init({
    resources: { nl: { translation: CATALOGS.nl }, en: { translation: CATALOGS.en } },
    lng: storedLanguage(),
    fallbackLng: 'nl',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = i18next.language;
}

export async function changeLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // storage may be disabled; the choice then lasts for this session
  }
}

export { i18next };
