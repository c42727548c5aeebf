import { errorMessage } from '../errors.ts';
import { useI18n } from '../i18n.tsx';

/** Why something could not be loaded, with 重试 (antd's error Alert look, without antd: the home page uses it). */
export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, lang } = useI18n();
  return (
    <div className="notice notice-error" role="alert">
      <div className="notice-body">
        <p className="notice-title">{t('app.loadFailed')}</p>
        <p className="notice-text">{errorMessage(error, lang, t)}</p>
      </div>
      {onRetry && (
        <button type="button" className="btn" onClick={onRetry}>
          {t('app.retry')}
        </button>
      )}
    </div>
  );
}
