import { Typography } from 'antd';
import { useI18n } from '../i18n.tsx';

export function PlatformIntro() {
  const { t } = useI18n();
  return <Typography.Paragraph className="intro">{t('home.intro')}</Typography.Paragraph>;
}
