import { Link } from 'react-router';
import { api, type SubPlatformView } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { useLoad } from '../use-load.ts';
import { LoadError } from './LoadError.tsx';
import { Loading } from './Loading.tsx';
import { SubPlatformLogo } from './SubPlatformLogo.tsx';

export function SubPlatformLinks() {
  const { t } = useI18n();
  const subPlatforms = useLoad(api.subPlatforms, []);
  return (
    <section aria-labelledby="sub-platforms-title" className="section">
      <h2 id="sub-platforms-title" className="title title-2">
        {t('home.subPlatformsTitle')}
      </h2>
      {subPlatforms.error !== undefined && <LoadError error={subPlatforms.error} onRetry={subPlatforms.reload} />}
      {subPlatforms.loading && !subPlatforms.data && <Loading />}
      {subPlatforms.data?.length === 0 && <p>{t('home.subPlatformsEmpty')}</p>}
      {subPlatforms.data && <SubPlatformGrid subPlatforms={subPlatforms.data} />}
    </section>
  );
}

/** Sub-platforms as cards linking to their entry pages (/r/<code>), in their own colours. */
export function SubPlatformGrid({ subPlatforms }: { subPlatforms: readonly SubPlatformView[] }) {
  return (
    <ul className="sp-grid">
      {subPlatforms.map((sp) => (
        <li key={sp.code}>
          <Link to={`/r/${sp.code}`} className="sp-card" style={{ borderColor: sp.themeColor }}>
            <SubPlatformLogo subPlatform={sp} />
            <span lang="zh-CN" className="sp-card-name" style={{ color: sp.themeColor }}>
              {sp.name}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
