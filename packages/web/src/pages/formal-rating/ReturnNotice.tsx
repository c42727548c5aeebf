// Why an assessment is back at 正式评估中 after the review: the reviewer's reasons for returning it, or
// an objection upheld during the public notice, whichever came last. Shown to whoever may read them;
// nothing when neither can be read (the server serves the review only from the final result on).
import { Alert } from 'antd';
import { useI18n } from '../../i18n.tsx';
import { beijingDateTime } from '../../self-diagnosis/format.ts';
import { useLoad } from '../../use-load.ts';
import { certificationApi } from './certification-api.ts';
import { latestReturn } from './certification-view.ts';

export function ReturnNotice({ assessmentId }: { assessmentId: string }) {
  const { t } = useI18n();
  const loaded = useLoad(async () => {
    const [review, objections] = await Promise.all([certificationApi.review(assessmentId).catch(() => undefined), certificationApi.objections(assessmentId).catch(() => [])]);
    return latestReturn(review?.reviews ?? [], objections);
  }, [assessmentId]);
  const returned = loaded.data;
  if (!returned) return null;
  return (
    <Alert
      type="warning"
      showIcon
      className="page-note"
      data-testid="returned"
      title={t(returned.kind === 'review' ? 'cert.returned.review' : 'cert.returned.objection', { at: beijingDateTime(returned.at) })}
      description={
        returned.reasons ? (
          <span lang="zh-CN" style={{ whiteSpace: 'pre-wrap' }}>
            {returned.reasons}
          </span>
        ) : undefined
      }
    />
  );
}
