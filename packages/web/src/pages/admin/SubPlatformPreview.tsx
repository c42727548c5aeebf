import { Alert, Button, ConfigProvider, Typography } from 'antd';
import { SubPlatformLogo } from '../../components/SubPlatformLogo.tsx';
import { useI18n } from '../../i18n.tsx';
import { AA_CONTRAST, contrastWithWhite } from '../../theme.ts';

/** What the sub-platform's pages will look like, and whether white text stays readable (WCAG AA). */
export function SubPlatformPreview({ name, shortName, themeColor, logoSvg }: { name: string; shortName: string; themeColor: string; logoSvg: string | null }) {
  const { t } = useI18n();
  const ratio = contrastWithWhite(themeColor);
  if (ratio === undefined) return null;
  return (
    <div className="sp-preview" aria-label={t('admin.spPreview')} role="group">
      <Typography.Text strong>{t('admin.spPreview')}</Typography.Text>
      <ConfigProvider theme={{ token: { colorPrimary: themeColor } }}>
        <div className="sp-preview-bar" style={{ background: themeColor }}>
          <SubPlatformLogo subPlatform={{ name, shortName, themeColor, logoSvg }} size={32} />
          <span lang="zh-CN">{name}</span>
        </div>
        <Button type="primary">{t('admin.spPreviewButton')}</Button>
      </ConfigProvider>
      <Typography.Paragraph className="sp-contrast" data-testid="contrast-ratio">
        {t('admin.spContrast', { ratio: ratio.toFixed(2) })}
      </Typography.Paragraph>
      {ratio < AA_CONTRAST && <Alert type="warning" showIcon role="alert" title={t('admin.spContrastLow')} data-testid="contrast-warning" />}
    </div>
  );
}
