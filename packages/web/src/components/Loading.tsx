import { useI18n } from '../i18n.tsx';

/** A placeholder while a page or its data loads (antd's Skeleton look, without antd: see App.tsx). */
export function Loading() {
  const { t } = useI18n();
  return (
    <div className="loading" role="status" aria-label={t('app.loading')}>
      <span className="loading-bar loading-bar-short" />
      <span className="loading-bar" />
      <span className="loading-bar" />
      <span className="loading-bar loading-bar-half" />
    </div>
  );
}
