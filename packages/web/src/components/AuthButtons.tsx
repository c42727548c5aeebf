import { Link } from 'react-router';
import { useI18n } from '../i18n.tsx';
import { homePathFor, useSession } from '../session.tsx';

/** 注册 and 登录, or the way to the user's own home when logged in: links that look like buttons. */
export function AuthButtons({ subPlatformCode }: { subPlatformCode?: string }) {
  const { t } = useI18n();
  const { session } = useSession();
  if (session?.account) {
    return (
      <Link className="btn btn-primary btn-large" to={homePathFor(session)}>
        {t('home.goHome')}
      </Link>
    );
  }
  const registerPath = subPlatformCode ? `/register?subPlatform=${subPlatformCode}` : '/register';
  return (
    <div className="button-row">
      <Link className="btn btn-primary btn-large" to={registerPath}>
        {subPlatformCode ? t('subPlatform.registerHere') : t('nav.register')}
      </Link>
      <Link className="btn btn-large" to="/login">
        {t('nav.login')}
      </Link>
    </div>
  );
}
