// 申请信息: every field of the 评估申请表 as submitted, and the self-diagnosis it rests on.
import { Descriptions, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../i18n.tsx';
import { beijingDateTime, levelLabelKey, score2 } from '../../self-diagnosis/format.ts';
import { levelText } from '../self-diagnosis/SelfDiagnosesPage.tsx';
import { appliedLevelText, Section, typeKey, useDescriptionsLayout, Zh, type SectionProps } from './parts.tsx';

export function ApplicationInfo({ view, account }: SectionProps) {
  const { t } = useI18n();
  const layout = useDescriptionsLayout();
  const a = view.application;
  const isAssessor = account.role === 'assessor' || account.role === 'lead_assessor';
  const diagnosis = view.selfDiagnosis ? (
    <span data-testid="linked-diagnosis">
      {t('fa.info.diagnosisText', { level: levelText(t, view.selfDiagnosis.level), score: score2(view.selfDiagnosis.totalScore), date: beijingDateTime(view.selfDiagnosis.completedAt) })}
      {account.role === 'enterprise_user' && (
        <>
          {' '}
          <Link to={`/self-diagnoses/${view.selfDiagnosis.id}/result`}>{t('fa.info.diagnosisOpen')}</Link>
        </>
      )}
    </span>
  ) : (
    <Typography.Text type="secondary">{isAssessor ? t('fa.info.diagnosisAfterCoi') : '—'}</Typography.Text>
  );

  return (
    <Section id="application" title={t('fa.info.title')}>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, sm: 1, md: 2 }}
        data-testid="application-info"
        layout={layout}
        items={[
          { key: 'type', label: t('fa.apply.type'), children: t(typeKey(view.assessmentType)) },
          view.assessmentType === 'predefined'
            ? { key: 'level', label: t('fa.col.level'), children: appliedLevelText(t, view.assessmentType, view.targetLevel) }
            : {
                key: 'custom',
                label: t('fa.info.customDomains'),
                children: (
                  <ul style={{ margin: 0, paddingLeft: 18 }}>
                    {a.customDomains.map((d) => (
                      <li key={d.domainId}>
                        <Zh>{d.domainName}</Zh>
                        {t('sd.colon')}
                        {t('fa.info.customTarget', { level: t(levelLabelKey(d.targetCapabilityLevel)) })}
                      </li>
                    ))}
                  </ul>
                ),
              },
          {
            key: 'na',
            label: t('fa.info.notApplicable'),
            span: 'filled',
            children: a.notApplicable.length ? (
              <ul style={{ margin: 0, paddingLeft: 18 }} data-testid="not-applicable">
                {a.notApplicable.map((n) => (
                  <li key={n.nodeId}>
                    <Zh>{n.nodeName}</Zh>
                    {t('sd.colon')}
                    <Zh>{n.reason}</Zh>
                  </li>
                ))}
              </ul>
            ) : (
              t('fa.info.none')
            ),
          },
          { key: 'scope', label: t('fa.apply.scope'), span: 'filled', children: <Zh>{a.scope}</Zh> },
          { key: 'sponsor', label: t('fa.apply.sponsor'), children: <Zh>{t('fa.info.sponsorText', { name: a.sponsor.name, title: a.sponsor.title })}</Zh> },
          { key: 'liaison', label: t('fa.apply.liaison'), children: <><Zh>{a.liaison.name}</Zh> {a.liaison.mobile}</> },
          { key: 'internal', label: t('fa.apply.internal'), children: a.internalAssessor ? <Zh>{a.internalAssessor.name}</Zh> : t('fa.info.none') },
          { key: 'body', label: t('fa.apply.body'), children: <Zh>{view.bodyName}</Zh> },
          { key: 'lead', label: t('fa.col.lead'), children: view.leadName ? <Zh>{view.leadName}</Zh> : t('fa.leadUnassigned') },
          { key: 'enterpriseType', label: t('enterprise.enterpriseType'), children: t(a.enterpriseType === 'process' ? 'register.process' : 'register.discrete') },
          { key: 'diagnosis', label: t('fa.apply.diagnosis'), span: 'filled', children: diagnosis },
        ]}
      />
    </Section>
  );
}
