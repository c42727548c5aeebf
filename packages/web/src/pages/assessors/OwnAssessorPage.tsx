// 我的资质: an assessor's own record and qualification history, and whether 信息查询 lists them.
import { Alert, Result, Skeleton, Typography } from 'antd';
import { Link } from 'react-router';
import { ApiError } from '../../api.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { RequireAccount } from '../../components/RequireAccount.tsx';
import { useI18n } from '../../i18n.tsx';
import { useLoad } from '../../use-load.ts';
import { assessorsApi } from './assessors-api.ts';
import { AssessorRecord } from './AssessorRecord.tsx';

function OwnRecord() {
  const { t } = useI18n();
  const own = useLoad(assessorsApi.ownAssessor, []);
  const missing = own.error instanceof ApiError && own.error.status === 404;
  let body;
  if (missing) body = <Result status="info" title={<h2 className="result-title">{t('as.ownMissingTitle')}</h2>} subTitle={t('as.ownMissingText')} />;
  else if (own.error !== undefined) body = <LoadError error={own.error} onRetry={own.reload} />;
  else if (!own.data) body = <Skeleton active />;
  else
    body = (
      <>
        {own.data.qualifications.some((q) => q.status === 'pending') && <Alert type="info" showIcon className="page-note" title={t('as.ownPendingNote')} />}
        <AssessorRecord assessor={own.data} may={{ manage: false, decide: false, listing: true }} onChanged={own.reload} />
      </>
    );
  return (
    <div className="page page-form">
      <Typography.Title>{t('as.ownTitle')}</Typography.Title>
      <Typography.Paragraph type="secondary">
        {t('as.ownIntro')} <Link to="/directory">{t('as.openDirectory')}</Link>
      </Typography.Paragraph>
      {body}
    </div>
  );
}

export function OwnAssessorPage() {
  return <RequireAccount>{() => <OwnRecord />}</RequireAccount>;
}
