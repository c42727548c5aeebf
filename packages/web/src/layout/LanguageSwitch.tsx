import { useI18n } from '../i18n.tsx';
import { GlobalIcon } from './icons.tsx';

/** Shows the other language's name in that language, so a reader of either finds it. */
export function LanguageSwitch() {
  const { lang, t, setLang } = useI18n();
  const other = lang === 'zh-CN' ? 'en' : 'zh-CN';
  return (
    <button type="button" className="btn btn-text" lang={other} aria-label={t('lang.switchLabel')} onClick={() => setLang(other)} data-testid="language-switch">
      <GlobalIcon />
      <span className="lang-text">{t('lang.switchTo')}</span>
    </button>
  );
}
