import { ConfigProvider, Skeleton, Typography } from 'antd';
import type { CSSProperties } from 'react';
import { useParams } from 'react-router';
import { api, ApiError } from '../api.ts';
import { AuthButtons } from '../components/AuthButtons.tsx';
import { LoadError } from '../components/LoadError.tsx';
import { MaturityLevels } from '../components/MaturityLevels.tsx';
import { PlatformIntro } from '../components/PlatformIntro.tsx';
import { SubPlatformLogo } from '../components/SubPlatformLogo.tsx';
import { useLoad } from '../use-load.ts';
import { NotFoundPage } from './NotFoundPage.tsx';

export function SubPlatformHomePage() {
  const code = useParams().code ?? '';
  const subPlatform = useLoad(() => api.subPlatform(code), [code]);

  if (subPlatform.error instanceof ApiError && subPlatform.error.status === 404) return <NotFoundPage />;
  if (subPlatform.error !== undefined) return <LoadError error={subPlatform.error} onRetry={subPlatform.reload} />;
  const sp = subPlatform.data;
  if (!sp) return <Skeleton active className="page" />;

  return (
    <ConfigProvider theme={{ token: { colorPrimary: sp.themeColor, colorLink: sp.themeColor } }}>
      <div className="page page-wide" data-testid="sub-platform-home" data-theme-color={sp.themeColor} style={{ '--primary': sp.themeColor } as CSSProperties}>
        <section className="hero sp-hero" aria-labelledby="sp-title" style={{ borderTopColor: sp.themeColor }}>
          <div className="sp-hero-head">
            <SubPlatformLogo subPlatform={sp} size={64} />
            <Typography.Title id="sp-title" style={{ color: sp.themeColor }}>
              <span lang="zh-CN">{sp.name}</span>
            </Typography.Title>
          </div>
          <PlatformIntro />
          <AuthButtons subPlatformCode={sp.code} />
        </section>
        <MaturityLevels />
      </div>
    </ConfigProvider>
  );
}
