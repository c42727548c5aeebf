import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useI18n } from '../i18n.tsx';

/** Shows the other language's name in that language, so a reader of either finds it. */
export function LanguageSwitch() {
  const { lang, t, setLang } = useI18n();
  const other = lang === 'zh-CN' ? 'en' : 'zh-CN';
  return (
    <Button type="text" icon={<GlobalOutlined aria-hidden />} lang={other} aria-label={t('lang.switchLabel')} onClick={() => setLang(other)} data-testid="language-switch">
      <span className="lang-text">{t('lang.switchTo')}</span>
    </Button>
  );
}
