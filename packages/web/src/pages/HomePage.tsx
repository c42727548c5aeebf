import { Typography } from 'antd';
import { Link } from 'react-router';
import { AuthButtons } from '../components/AuthButtons.tsx';
import { MaturityLevels } from '../components/MaturityLevels.tsx';
import { PlatformIntro } from '../components/PlatformIntro.tsx';
import { SubPlatformLinks } from '../components/SubPlatformLinks.tsx';
import { useI18n } from '../i18n.tsx';

export function HomePage() {
  const { t } = useI18n();
  return (
    <div className="page page-wide">
      <section className="hero" aria-labelledby="home-title">
        <Typography.Title id="home-title">{t('home.title')}</Typography.Title>
        <PlatformIntro />
        <AuthButtons />
        <Typography.Paragraph className="home-statistics">
          <Link to="/statistics">{t('pub.homeLink')}</Link>
        </Typography.Paragraph>
      </section>
      <MaturityLevels />
      <SubPlatformLinks />
    </div>
  );
}
