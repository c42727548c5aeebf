// 证书 (seed 002 标准符合性评估-证书) on an assessment: once certified, the certificate it issued (number,
// level or each domain's capability level, scope, issued, valid until, status) with the way to the
// public registry's lookup, the PDF and the public verification page; for the enterprise (and whoever may
// see it), every certificate it holds. The assessment's own certificate comes from the assessment (every
// reader of it); the enterprise's list where the viewer may see the enterprise.
import { Descriptions, Skeleton, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { ApiError, type AccountView } from '../../api.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useI18n, type Translate } from '../../i18n.tsx';
import { levelLabelKey } from '../../self-diagnosis/format.ts';
import { useLoad } from '../../use-load.ts';
import { levelText } from '../self-diagnosis/SelfDiagnosesPage.tsx';
import { Section, useDescriptionsLayout, Zh } from '../formal-assessment/parts.tsx';
import { certificationApi } from './certification-api.ts';
import { CertificateStatusTag } from './certification-parts.tsx';
import { certificateFromRecord, certificateOfAssessment, sortCertificates, type CertificateView } from './certification-view.ts';
import type { FormalAssessment } from './rating-api.ts';

/** Roles that may read an enterprise's certificates (its own users, the platform admin, a region admin over it). */
const READS_ENTERPRISE = new Set<AccountView['role']>(['enterprise_user', 'platform_admin', 'region_admin']);

interface Loaded {
  /** Every certificate of the enterprise (null: the viewer may not list them). */
  all: CertificateView[] | null;
  /** This assessment's certificate, when issued and found. */
  own: CertificateView | undefined;
}

async function loadCertificates(view: FormalAssessment, account: AccountView): Promise<Loaded> {
  const ownRecord = view.stage === 'certified' ? await certificationApi.assessmentCertificate(view.id) : null;
  const own = ownRecord ? certificateFromRecord(ownRecord) : undefined;
  if (READS_ENTERPRISE.has(account.role)) {
    try {
      const all = sortCertificates((await certificationApi.enterpriseCertificates(view.enterpriseId)).map(certificateFromRecord));
      return { all, own: own ?? certificateOfAssessment(all, view.id) };
    } catch (error) {
      // Not this viewer's enterprise after all (404): the assessment's own certificate only.
      if (!(error instanceof ApiError) || (error.status !== 404 && error.status !== 403)) throw error;
    }
  }
  return { all: null, own };
}

/** The certificate's PDF (readers of the assessment may download it) and its public verification page (/verify, server-rendered). */
function CertificateLinks({ number }: { number: string }) {
  const { t } = useI18n();
  const encoded = encodeURIComponent(number);
  return (
    <Space wrap className="section-tight">
      <a href={`/api/certificates/${encoded}.pdf`} download data-testid="certificate-pdf-link">
        {t('cm.pdf')}
      </a>
      <a href={`/verify/${encoded}`} target="_blank" rel="noopener" data-testid="certificate-verify-link">
        {t('cm.verify')}
      </a>
    </Space>
  );
}

function levelOrCapability(t: Translate, c: CertificateView) {
  if (c.level !== null) return levelText(t, c.level);
  if (!c.capability.length) return '—';
  return <Zh>{c.capability.map((d) => t('cert.certificate.domainLevel', { name: d.name, level: t(levelLabelKey(d.level)) })).join(t('rating.header.listSeparator'))}</Zh>;
}

function CertificateCard({ certificate }: { certificate: CertificateView }) {
  const { t } = useI18n();
  const layout = useDescriptionsLayout();
  return (
    <Descriptions
      bordered
      size="small"
      column={1}
      layout={layout}
      data-testid="certificate"
      items={[
        { key: 'number', label: t('registry.col.certificateNumber'), children: <span className="mono" data-testid="certificate-number">{certificate.number}</span> },
        { key: 'level', label: certificate.level !== null ? t('registry.col.level') : t('cert.certificate.capability'), children: levelOrCapability(t, certificate) },
        { key: 'scope', label: t('registry.col.scope'), children: <Zh>{certificate.scope}</Zh> },
        { key: 'issued', label: t('registry.col.issuedOn'), children: certificate.issuedOn ?? '—' },
        { key: 'valid', label: t('registry.col.validUntil'), children: certificate.validUntil ?? '—' },
        {
          key: 'status',
          label: t('registry.col.status'),
          children: (
            <>
              <CertificateStatusTag status={certificate.status} />
              {certificate.statusReason && (
                <Typography.Text type="secondary" data-testid="certificate-status-reason">
                  {' '}
                  {t('cert.certificate.statusReason')}
                  <span lang="zh-CN">{certificate.statusReason}</span>
                </Typography.Text>
              )}
            </>
          ),
        },
      ]}
    />
  );
}

/** The registry's lookup by number (信息查询 · 获证企业 · 证书查询); it takes the number typed in. */
function RegistryLink({ number }: { number?: string }) {
  const { t } = useI18n();
  return (
    <Typography.Paragraph className="section-tight">
      <Link to="/directory?tab=certified" data-testid="registry-link">
        {t('cert.certificate.registryLink')}
      </Link>{' '}
      {number && <Typography.Text type="secondary">{t('cert.certificate.registryHint', { number })}</Typography.Text>}
    </Typography.Paragraph>
  );
}

export function CertificateSection({ view, account }: { view: FormalAssessment; account: AccountView }) {
  const { t } = useI18n();
  const certified = view.stage === 'certified';
  const loaded = useLoad(() => loadCertificates(view, account), [view.id, view.enterpriseId, view.enterpriseName, view.stage, account.id, account.role]);
  const data = loaded.data;
  const others = (data?.all ?? []).filter((c) => c.number !== data?.own?.number);
  // Nothing to say before the certificate when the enterprise holds none.
  if (!certified && !loaded.error && !(data?.all?.length)) return null;
  return (
    <Section id="certificate" title={t('cert.certificate.title')}>
      {loaded.error !== undefined ? (
        <LoadError error={loaded.error} onRetry={loaded.reload} />
      ) : !data ? (
        <Skeleton active />
      ) : (
        <>
          {certified &&
            (data.own ? (
              <>
                <Typography.Paragraph>{t('cert.certificate.issued')}</Typography.Paragraph>
                <CertificateCard certificate={data.own} />
                <CertificateLinks number={data.own.number} />
                <RegistryLink number={data.own.number} />
              </>
            ) : (
              <>
                <Typography.Paragraph data-testid="certificate-elsewhere">{t('cert.certificate.notFound')}</Typography.Paragraph>
                <RegistryLink />
              </>
            ))}
          {data.all !== null && (others.length > 0 || !certified) && (
            <>
              <Typography.Title level={3} style={{ fontSize: 16, marginTop: 16 }} id="enterprise-certificates-title">
                {certified ? t('cert.certificate.othersTitle') : t('cert.certificate.allTitle')}
              </Typography.Title>
              <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="enterprise-certificates-title">
                <table className="data-table" data-testid="enterprise-certificates">
                  <thead>
                    <tr>
                      <th scope="col">{t('registry.col.certificateNumber')}</th>
                      <th scope="col">{t('registry.col.level')}</th>
                      <th scope="col">{t('registry.col.validity')}</th>
                      <th scope="col">{t('registry.col.status')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {others.map((c) => (
                      <tr key={c.number}>
                        <th scope="row" className="mono">
                          {c.number}
                        </th>
                        <td>{levelOrCapability(t, c)}</td>
                        <td style={{ whiteSpace: 'nowrap' }}>{c.issuedOn ? t('registry.validity', { from: c.issuedOn, to: c.validUntil ?? '—' }) : '—'}</td>
                        <td>
                          <CertificateStatusTag status={c.status} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </>
      )}
    </Section>
  );
}
