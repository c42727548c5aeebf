import { Alert, Button } from 'antd';
import { errorMessage } from '../errors.ts';
import { useI18n } from '../i18n.tsx';

export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, lang } = useI18n();
  return (
    <Alert
      type="error"
      showIcon
      title={t('app.loadFailed')}
      description={errorMessage(error, lang, t)}
      action={onRetry && <Button onClick={onRetry}>{t('app.retry')}</Button>}
    />
  );
}
