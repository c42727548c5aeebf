import { Alert, Card, Descriptions, Typography } from 'antd';
import { Link } from 'react-router';
import { api, type EnterpriseView, type SubPlatformView } from '../api.ts';
import { RequireAccount } from '../components/RequireAccount.tsx';
import { LoadError } from '../components/LoadError.tsx';
import { SubPlatformGrid } from '../components/SubPlatformLinks.tsx';
import { score2 } from '../self-diagnosis/format.ts';
import { QuotaRule } from './self-diagnosis/QuotaRule.tsx';
import { levelText, NewDiagnosisButton } from './self-diagnosis/SelfDiagnosesPage.tsx';
import { useI18n } from '../i18n.tsx';
import { useLoad } from '../use-load.ts';

function RegisteredInformation({ enterprise }: { enterprise: EnterpriseView }) {
  const { t, lang } = useI18n();
  const zh = (text: string) => <span lang="zh-CN">{text}</span>;
  return (
    <Descriptions
      bordered
      column={{ xs: 1, sm: 1, md: 2 }}
      size="middle"
      data-testid="enterprise-info"
      items={[
        { key: 'name', label: t('enterprise.name'), children: zh(enterprise.name) },
        { key: 'creditCode', label: t('enterprise.creditCode'), children: <span className="mono">{enterprise.creditCode}</span> },
        { key: 'organisationType', label: t('enterprise.organisationType'), children: t(`orgType.${enterprise.organisationType}`) },
        ...(enterprise.parentName ? [{ key: 'parentName', label: t('enterprise.parentName'), children: zh(enterprise.parentName) }] : []),
        { key: 'industry', label: t('enterprise.industry'), children: lang === 'en' ? `${enterprise.industryCode} ${enterprise.industryNameEn}` : zh(`${enterprise.industryCode} ${enterprise.industryName}`) },
        { key: 'region', label: t('enterprise.region'), children: lang === 'en' ? enterprise.regionPathEn : zh(enterprise.regionPath) },
        { key: 'enterpriseType', label: t('enterprise.enterpriseType'), children: t(enterprise.enterpriseType === 'process' ? 'register.process' : 'register.discrete') },
        { key: 'contactName', label: t('enterprise.contactName'), children: zh(enterprise.contactName) },
        { key: 'contactMobile', label: t('enterprise.contactMobile'), children: enterprise.contactMobile },
        { key: 'registeredAt', label: t('enterprise.registeredAt'), children: new Date(enterprise.createdAt).toLocaleDateString(lang) },
      ]}
    />
  );
}

function MySubPlatforms({ codes }: { codes: readonly string[] }) {
  const { t } = useI18n();
  const all = useLoad(api.subPlatforms, []);
  const mine: SubPlatformView[] = (all.data ?? []).filter((sp) => codes.includes(sp.code));
  if (!codes.length) return <Typography.Paragraph>{t('enterprise.noSubPlatform')}</Typography.Paragraph>;
  return <SubPlatformGrid subPlatforms={mine} />;
}

/** 企业自诊断 on the enterprise's home (seed 001 §1.2): the valid result, the quota, the entry points. */
function SelfDiagnosisEntry() {
  const { t } = useI18n();
  const list = useLoad(api.selfDiagnoses, []);
  const valid = list.data?.diagnoses.find((d) => d.isValidResult);
  return (
    <Card
      title={<h2 className="card-heading">{t('enterprise.selfDiagnosis')}</h2>}
      extra={<Link to="/self-diagnoses">{t('sd.openList')}</Link>}
      className="section"
      data-testid="self-diagnosis-slot"
    >
      {list.error !== undefined && <LoadError error={list.error} onRetry={list.reload} />}
      {list.data && (
        <>
          <Typography.Paragraph data-testid="valid-result">
            {valid ? (
              <>
                {t('sd.validResultIs', { level: levelText(t, valid.level), score: score2(valid.totalScore) })}{' '}
                <Link to={`/self-diagnoses/${valid.id}/result`}>{t('sd.viewResult')}</Link>
              </>
            ) : (
              t('sd.noValidResult')
            )}
          </Typography.Paragraph>
          <QuotaRule quota={list.data.quota} compact />
          <NewDiagnosisButton list={list.data} />
        </>
      )}
    </Card>
  );
}

function EnterpriseHome({ enterprise }: { enterprise: EnterpriseView | null }) {
  const { t } = useI18n();
  if (!enterprise) return <Alert type="info" title={t('enterprise.none')} />;
  return (
    <div className="page page-wide">
      <Typography.Title>
        <span lang="zh-CN">{enterprise.name}</span>
      </Typography.Title>
      <SelfDiagnosisEntry />
      <section aria-labelledby="info-title" className="section">
        <Typography.Title level={2} id="info-title">
          {t('enterprise.title')}
        </Typography.Title>
        <RegisteredInformation enterprise={enterprise} />
      </section>
      <section aria-labelledby="my-sp-title" className="section">
        <Typography.Title level={2} id="my-sp-title">
          {t('enterprise.subPlatforms')}
        </Typography.Title>
        <MySubPlatforms codes={enterprise.subPlatformCodes} />
      </section>
    </div>
  );
}

export function EnterpriseHomePage() {
  return <RequireAccount roles={['enterprise_user']}>{(_account, session) => <EnterpriseHome enterprise={session.enterprise} />}</RequireAccount>;
}
