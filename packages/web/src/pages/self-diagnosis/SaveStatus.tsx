import { CheckCircleOutlined, LoadingOutlined, WarningOutlined } from '@ant-design/icons';
import { errorMessage } from '../../errors.ts';
import { useI18n } from '../../i18n.tsx';
import type { QueueState } from '../../self-diagnosis/answer-queue.ts';

/** 已保存 / 保存中… / 网络异常，正在重试 — announced politely as it changes. */
export function SaveStatus({ state }: { state: QueueState }) {
  const { t, lang } = useI18n();
  const pending = Object.keys(state.pending).length;
  let body;
  if (state.status === 'retrying')
    body = (
      <span className="save-status retrying">
        <WarningOutlined aria-hidden /> {t('sd.saveRetrying')}
        {pending > 0 && ` ${t('sd.savePending', { count: pending })}`}
      </span>
    );
  else if (state.status === 'saving')
    body = (
      <span className="save-status saving">
        <LoadingOutlined aria-hidden /> {t('sd.saving')}
      </span>
    );
  else if (state.status === 'error')
    body = (
      <span className="save-status error">
        <WarningOutlined aria-hidden /> {errorMessage(state.error, lang, t)}
      </span>
    );
  else
    body = (
      <span className="save-status saved">
        <CheckCircleOutlined aria-hidden /> {t('sd.saved')}
      </span>
    );
  return (
    <span role="status" aria-live="polite" data-testid="save-status" data-status={state.status}>
      {body}
    </span>
  );
}
