import { useI18n } from '../i18n.tsx';

export function PlatformIntro() {
  const { t } = useI18n();
  return <p className="intro">{t('home.intro')}</p>;
}
