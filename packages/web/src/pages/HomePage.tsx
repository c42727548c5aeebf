import { Link } from 'react-router';
import { AuthButtons } from '../components/AuthButtons.tsx';
import { MaturityLevels } from '../components/MaturityLevels.tsx';
import { PlatformIntro } from '../components/PlatformIntro.tsx';
import { SubPlatformLinks } from '../components/SubPlatformLinks.tsx';
import { useI18n } from '../i18n.tsx';

/** The first page most visitors see: no antd, so that it loads light (issue 12 §4). */
export function HomePage() {
  const { t } = useI18n();
  return (
    <div className="page page-wide">
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title" className="title">
          {t('home.title')}
        </h1>
        <PlatformIntro />
        <AuthButtons />
        <p className="home-statistics">
          <Link to="/statistics">{t('pub.homeLink')}</Link>
        </p>
      </section>
      <MaturityLevels />
      <SubPlatformLinks />
    </div>
  );
}
