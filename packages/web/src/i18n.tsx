// A tiny i18n: two message tables, a t() with {name} placeholders, the choice kept in localStorage.
// Chinese is in the first page's script; English is a chunk of its own, fetched only by those who read
// English (before the first render when it was their choice, on switching otherwise).
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { zhCN, type MessageKey } from './locales/zh-CN.ts';

export type Lang = 'zh-CN' | 'en';
export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export const LANG_STORAGE_KEY = 'cmmm.lang';
const tables: Partial<Record<Lang, Record<MessageKey, string>>> = { 'zh-CN': zhCN };

/** Makes a language's table available; resolves at once for Chinese or a language already loaded. */
export async function loadLanguage(lang: Lang): Promise<void> {
  if (lang === 'en') tables.en ??= (await import('./locales/en.ts')).en;
}

export function format(template: string, values?: Record<string, string | number>): string {
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** t() of a loaded language (Chinese until the language's table has arrived). */
export function translator(lang: Lang): Translate {
  const table = tables[lang] ?? zhCN;
  return (key, values) => format(table[key], values);
}

export function storedLang(): Lang {
  try {
    return localStorage.getItem(LANG_STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN'; // storage can be blocked (private mode); default language then
  }
}

interface I18n {
  lang: Lang;
  t: Translate;
  setLang: (lang: Lang) => void;
}

const I18nContext = createContext<I18n>({ lang: 'zh-CN', t: translator('zh-CN'), setLang: () => undefined });

export function I18nProvider({ children, initialLang }: { children: ReactNode; initialLang?: Lang }) {
  const [lang, setLangState] = useState<Lang>(() => initialLang ?? storedLang());
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = translator(lang)('app.name');
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    try {
      localStorage.setItem(LANG_STORAGE_KEY, next);
    } catch {
      // not remembered, still switched
    }
    // Switches once the table is here, so no page shows half one language and half the other.
    loadLanguage(next).then(
      () => setLangState(next),
      () => undefined, // the chunk did not arrive (offline): stay in the current language
    );
  }, []);
  const value = useMemo(() => ({ lang, t: translator(lang), setLang }), [lang, setLang]);
  return <I18nContext value={value}>{children}</I18nContext>;
}

export const useI18n = (): I18n => useContext(I18nContext);
