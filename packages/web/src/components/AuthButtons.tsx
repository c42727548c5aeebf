import { Button, Space } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../i18n.tsx';
import { homePathFor, useSession } from '../session.tsx';

/** 注册 and 登录, or the way to the user's own home when logged in. */
export function AuthButtons({ subPlatformCode }: { subPlatformCode?: string }) {
  const { t } = useI18n();
  const { session } = useSession();
  const navigate = useNavigate();
  if (session?.account) {
    return (
      <Button type="primary" size="large" onClick={() => navigate(homePathFor(session))}>
        {t('home.goHome')}
      </Button>
    );
  }
  const registerPath = subPlatformCode ? `/register?subPlatform=${subPlatformCode}` : '/register';
  return (
    <Space wrap>
      <Button type="primary" size="large" onClick={() => navigate(registerPath)}>
        {subPlatformCode ? t('subPlatform.registerHere') : t('nav.register')}
      </Button>
      <Button size="large" onClick={() => navigate('/login')}>
        {t('nav.login')}
      </Button>
    </Space>
  );
}
