import type { SubPlatformView } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { svgDataUrl } from '../theme.ts';

/** The logo as an image (an uploaded SVG never runs as part of the page), or a coloured initial. */
export function SubPlatformLogo({ subPlatform, size = 40 }: { subPlatform: Pick<SubPlatformView, 'name' | 'shortName' | 'themeColor' | 'logoSvg'>; size?: number }) {
  const { t } = useI18n();
  if (subPlatform.logoSvg) {
    return <img src={svgDataUrl(subPlatform.logoSvg)} alt={t('subPlatform.logoAlt', { name: subPlatform.name })} width={size} height={size} className="sp-logo" />;
  }
  return (
    <span className="sp-logo sp-logo-fallback" lang="zh-CN" role="img" aria-label={t('subPlatform.logoAlt', { name: subPlatform.name })} style={{ width: size, height: size, background: subPlatform.themeColor }}>
      {subPlatform.shortName.slice(0, 2)}
    </span>
  );
}
