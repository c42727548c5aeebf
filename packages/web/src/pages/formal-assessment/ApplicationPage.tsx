// 评估申请表 (seed 002 标准符合性评估-申请): a completed self-diagnosis, 预定义评估 (a level, the flexible
// model "PTR + 生产 + N" with the not-applicable domains and their reasons) or 自定义评估 (domains with
// target capability levels), the scope, the sponsor, the liaison, the internal assessor, the body and its
// lead. The rules are asked while the form is filled: blocks in red next to their field (submission
// waits for them), warnings in amber.
import { App, Alert, Button, Checkbox, Form, Input, Radio, Select, Skeleton, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, ApiError, type SelfDiagnosisSummary, type SessionView } from '../../api.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { RequireAccount } from '../../components/RequireAccount.tsx';
import { errorMessage, issueMessage, issuesToFieldErrors, showFieldErrors } from '../../errors.ts';
import { mobileRules, requiredChoice, requiredText } from '../../form-rules.ts';
import { useI18n, type Translate } from '../../i18n.tsx';
import { beijingDateTime, levelKey, levelLabelKey, score2 } from '../../self-diagnosis/format.ts';
import { useLoad } from '../../use-load.ts';
import { levelText } from '../self-diagnosis/SelfDiagnosesPage.tsx';
import { formalApi, type ApplicationCheck, type Assessor, type AssessmentBody } from './formal-api.ts';
import {
  applicationOf,
  assessedDomains,
  blocksOf,
  checkRequestOf,
  checksBySlot,
  checkSlotOf,
  fieldNameOf,
  isOpenStage,
  mayLead,
  requestedLevelOf,
  topGrade,
  type ApplicationValues,
  type DomainChoice,
} from './formal-view.ts';
import { BLOCK_COLOUR, CheckNotes, gradeKey, stageKey, WARNING_COLOUR, Zh } from './parts.tsx';

const CHECK_DELAY_MS = 400;
const LEVELS = [2, 3, 4, 5] as const;
const CAPABILITY_LEVELS = [1, 2, 3, 4, 5] as const;
const GRID = { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))', columnGap: 16 } as const;

function diagnosisLabel(t: Translate, d: SelfDiagnosisSummary): string {
  const label = t('fa.apply.diagnosisOption', { date: beijingDateTime(d.completedAt ?? d.createdAt), level: levelText(t, d.level), score: score2(d.totalScore) });
  return d.isValidResult ? `${label} ${t('fa.apply.diagnosisValid')}` : label;
}

const assessorLabel = (t: Translate, a: Assessor): string => {
  const grade = topGrade(a.currentGrades);
  return grade ? t('fa.apply.personWithGrade', { name: a.name, grade: t(gradeKey(grade)) }) : t('fa.apply.personInvalid', { name: a.name });
};

/** The latest checks, with the application they were asked about (its indexes place the messages). */
interface CheckState {
  bySlot: Map<string, ApplicationCheck[]>;
  all: ApplicationCheck[];
  failed?: string;
}

function useApplicationChecks(values: ApplicationValues, domainOrder: readonly string[]): CheckState {
  const { t, lang } = useI18n();
  const [state, setState] = useState<CheckState>({ bySlot: new Map(), all: [] });
  const round = useRef(0);
  useEffect(() => {
    const asked = checkRequestOf(values, domainOrder);
    if (!asked) {
      setState({ bySlot: new Map(), all: [] });
      return;
    }
    const mine = ++round.current;
    const timer = setTimeout(() => {
      formalApi.check(asked.application).then(
        (checks) => {
          if (mine !== round.current) return; // a newer question is on its way
          const shown = checks.filter((c) => !asked.standIns.has(checkSlotOf(c.path, asked.application)));
          setState({ bySlot: checksBySlot(shown, asked.application), all: shown });
        },
        (error: unknown) => {
          if (mine !== round.current) return;
          setState({ bySlot: new Map(), all: [], failed: errorMessage(error, lang, t) });
        },
      );
    }, CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [values, domainOrder, lang, t]);
  return state;
}

function DomainsPredefined({ domains, values, checks }: { domains: DomainChoice[]; values: ApplicationValues; checks: CheckState }) {
  const { t } = useI18n();
  const mandatory = domains.filter((d) => !d.tailorable);
  const tailorable = domains.filter((d) => d.tailorable);
  return (
    <>
      <Typography.Paragraph>{t('fa.apply.modelIntro')}</Typography.Paragraph>
      <Typography.Paragraph>
        <strong>{t('fa.apply.mandatory')}</strong>
        {t('sd.colon')}
        <Zh>{mandatory.map((d) => d.name).join('、')}</Zh>
      </Typography.Paragraph>
      <div className="model-table-wrap">
        <table className="model-table" data-testid="not-applicable-table">
          <caption className="sr-only">{t('fa.apply.tailorableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('fa.apply.colDomain')}</th>
              <th scope="col">{t('fa.apply.colNotApplicable')}</th>
              <th scope="col" style={{ width: '55%' }}>{t('fa.apply.colReason')}</th>
            </tr>
          </thead>
          <tbody>
            {tailorable.map((d) => {
              const on = !!values.notApplicable?.[d.id]?.on;
              return (
                <tr key={d.id} className={on ? 'tailored' : undefined} data-testid={`na-row-${d.id}`}>
                  <th scope="row" lang="zh-CN">
                    {d.name}
                  </th>
                  <td style={{ whiteSpace: 'nowrap' }}>
                    <Form.Item name={['notApplicable', d.id, 'on']} valuePropName="checked" noStyle>
                      <Checkbox aria-label={t('fa.apply.notApplicableLabel', { name: d.name })}>{t('fa.apply.notApplicable')}</Checkbox>
                    </Form.Item>
                  </td>
                  <td>
                    {on ? (
                      <Form.Item name={['notApplicable', d.id, 'reason']} rules={[requiredText(t, t('fa.apply.reasonField', { name: d.name }))]} style={{ margin: 0 }}>
                        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} aria-label={t('fa.apply.reasonField', { name: d.name })} placeholder={t('fa.apply.reasonPlaceholder')} />
                      </Form.Item>
                    ) : (
                      <Typography.Text type="secondary">{t('fa.apply.assessed')}</Typography.Text>
                    )}
                    <CheckNotes checks={checks.bySlot.get(`notApplicable.${d.id}`)} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <CheckNotes checks={checks.bySlot.get('notApplicable')} />
    </>
  );
}

function DomainsCustom({ domains, values, checks }: { domains: DomainChoice[]; values: ApplicationValues; checks: CheckState }) {
  const { t } = useI18n();
  return (
    <>
      <Typography.Paragraph>{t('fa.apply.customIntro')}</Typography.Paragraph>
      <div className="model-table-wrap">
        <table className="model-table" data-testid="custom-domains-table">
          <caption className="sr-only">{t('fa.apply.customCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('fa.apply.colElement')}</th>
              <th scope="col">{t('fa.apply.colDomain')}</th>
              <th scope="col">{t('fa.apply.colChoose')}</th>
              <th scope="col">{t('fa.apply.colTarget')}</th>
            </tr>
          </thead>
          <tbody>
            {domains.map((d) => {
              const on = !!values.custom?.[d.id]?.on;
              return (
                <tr key={d.id} data-testid={`custom-row-${d.id}`}>
                  <td lang="zh-CN">{d.elementName}</td>
                  <th scope="row" lang="zh-CN">
                    {d.name}
                  </th>
                  <td style={{ whiteSpace: 'nowrap' }}>
                    <Form.Item name={['custom', d.id, 'on']} valuePropName="checked" noStyle>
                      <Checkbox aria-label={t('fa.apply.chooseLabel', { name: d.name })}>{t('fa.apply.choose')}</Checkbox>
                    </Form.Item>
                  </td>
                  <td>
                    {on && (
                      <Form.Item name={['custom', d.id, 'level']} rules={[requiredChoice(t, t('fa.apply.targetField', { name: d.name }))]} style={{ margin: 0 }}>
                        <Select
                          style={{ minWidth: 140 }}
                          aria-label={t('fa.apply.targetField', { name: d.name })}
                          placeholder={t('fa.apply.choosePlaceholder')}
                          options={CAPABILITY_LEVELS.map((l) => ({ value: l, label: t(levelLabelKey(l)) }))}
                        />
                      </Form.Item>
                    )}
                    <CheckNotes checks={checks.bySlot.get(`custom.${d.id}`)} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <CheckNotes checks={checks.bySlot.get('custom')} />
    </>
  );
}

interface FormProps {
  session: SessionView;
  diagnoses: SelfDiagnosisSummary[];
  bodies: AssessmentBody[];
  internalAssessors: Assessor[];
}

function ApplicationForm({ session, diagnoses, bodies, internalAssessors }: FormProps) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const edition = useLoad(() => api.edition(lang), [lang]);
  const [form] = Form.useForm<ApplicationValues>();
  const initial: ApplicationValues = useMemo(
    () => ({ selfDiagnosisId: (diagnoses.find((d) => d.isValidResult) ?? diagnoses[0])?.id, assessmentType: 'predefined', targetLevel: undefined }),
    [diagnoses],
  );
  const [values, setValues] = useState<ApplicationValues>(initial);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | undefined>(undefined);

  const diagnosis = diagnoses.find((d) => d.id === values.selfDiagnosisId);
  const enterpriseType = diagnosis?.enterpriseType ?? session.enterprise?.enterpriseType ?? 'discrete';
  const domains = useMemo(() => (edition.data ? assessedDomains(edition.data, enterpriseType) : []), [edition.data, enterpriseType]);
  const domainOrder = useMemo(() => domains.map((d) => d.id), [domains]);
  const checks = useApplicationChecks(values, domainOrder);
  const blocks = blocksOf(checks.all);
  const warnings = checks.all.filter((c) => c.severity === 'warning');

  const level = requestedLevelOf(applicationOf(values, domainOrder));
  const leads = useLoad(() => (values.bodyId ? formalApi.assessors({ bodyId: values.bodyId }) : Promise.resolve([])), [values.bodyId]);
  const leadOptions = (leads.data ?? []).filter((a) => a.bodyId === values.bodyId && mayLead(a, 3));

  const submit = async (raw: ApplicationValues) => {
    const application = applicationOf(raw, domainOrder);
    setSubmitting(true);
    setSubmitError(undefined);
    try {
      const created = await formalApi.submit(application);
      message.success(t('fa.apply.submitted'));
      navigate(`/formal-assessments/${created.id}`);
    } catch (error) {
      setSubmitError(errorMessage(error, lang, t));
      if (error instanceof ApiError) {
        showFieldErrors(form, issuesToFieldErrors(error.issues, (i) => issueMessage(i, lang, t), (name) => fieldNameOf(name.join('.'), application)));
      }
    } finally {
      setSubmitting(false);
    }
  };

  const slot = (name: string) => checks.bySlot.get(name);

  return (
    <Form<ApplicationValues>
      form={form}
      name="application"
      layout="vertical"
      initialValues={initial}
      onValuesChange={(changed: ApplicationValues, all) => {
        if ('bodyId' in changed) form.setFieldValue('leadAssessorId', undefined);
        setValues({ ...all, ...('bodyId' in changed ? { leadAssessorId: undefined } : {}) });
      }}
      onFinish={(v) => void submit(v)}
      scrollToFirstError={{ block: 'center', focus: true }}
    >
      <section className="form-section" aria-labelledby="apply-diagnosis-title">
        <h2 id="apply-diagnosis-title">{t('fa.apply.diagnosisTitle')}</h2>
        <Form.Item name="selfDiagnosisId" label={t('fa.apply.diagnosis')} rules={[requiredChoice(t, t('fa.apply.diagnosis'))]} extra={<CheckNotes checks={slot('selfDiagnosisId')} testId="checks-selfDiagnosisId" />}>
          <Select options={diagnoses.map((d) => ({ value: d.id, label: diagnosisLabel(t, d) }))} />
        </Form.Item>
      </section>

      <section className="form-section" aria-labelledby="apply-type-title">
        <h2 id="apply-type-title">{t('fa.apply.typeTitle')}</h2>
        <Form.Item name="assessmentType" label={t('fa.apply.type')} rules={[requiredChoice(t, t('fa.apply.type'))]} extra={t('fa.apply.typeNote')}>
          <Radio.Group aria-label={t('fa.apply.type')}>
            <Radio value="predefined">{t('fa.type.predefined')}</Radio>
            <Radio value="custom">{t('fa.type.custom')}</Radio>
          </Radio.Group>
        </Form.Item>
        {values.assessmentType !== 'custom' && (
          <Form.Item name="targetLevel" label={t('fa.apply.targetLevel')} rules={[requiredChoice(t, t('fa.apply.targetLevel'))]} extra={<CheckNotes checks={slot('targetLevel')} testId="checks-targetLevel" />}>
            <Radio.Group optionType="button" buttonStyle="solid" aria-label={t('fa.apply.targetLevel')}>
              {LEVELS.map((l) => (
                <Radio.Button key={l} value={l}>
                  {t('sd.levelFull', { label: t(levelLabelKey(l)), name: t(levelKey(l)) })}
                </Radio.Button>
              ))}
            </Radio.Group>
          </Form.Item>
        )}
        {values.assessmentType === 'custom' && <CheckNotes checks={slot('targetLevel')} testId="checks-targetLevel" />}
        {edition.error !== undefined && <LoadError error={edition.error} onRetry={edition.reload} />}
        {edition.loading && !edition.data && <Skeleton active />}
        {edition.data &&
          (values.assessmentType === 'custom' ? <DomainsCustom domains={domains} values={values} checks={checks} /> : <DomainsPredefined domains={domains} values={values} checks={checks} />)}
        <div style={{ height: 16 }} />
      </section>

      <section className="form-section" aria-labelledby="apply-scope-title">
        <h2 id="apply-scope-title">{t('fa.apply.scopeTitle')}</h2>
        <Form.Item name="scope" label={t('fa.apply.scope')} rules={[requiredText(t, t('fa.apply.scope'))]} extra={<><div>{t('fa.apply.scopeNote')}</div><CheckNotes checks={slot('scope')} /></>}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} showCount placeholder={t('fa.apply.scopePlaceholder')} />
        </Form.Item>
      </section>

      <section className="form-section" aria-labelledby="apply-people-title">
        <h2 id="apply-people-title">{t('fa.apply.peopleTitle')}</h2>
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <legend className="group-label" style={{ fontWeight: 600, fontSize: 15 }}>{t('fa.apply.sponsor')}</legend>
          <Typography.Paragraph type="secondary">{t('fa.apply.sponsorNote')}</Typography.Paragraph>
          <div style={GRID}>
            <Form.Item name={['sponsor', 'name']} label={t('fa.apply.sponsorName')} rules={[requiredText(t, t('fa.apply.sponsorName'))]}>
              <Input maxLength={50} autoComplete="off" />
            </Form.Item>
            <Form.Item name={['sponsor', 'title']} label={t('fa.apply.sponsorTitle')} rules={[requiredText(t, t('fa.apply.sponsorTitle'))]}>
              <Input maxLength={50} placeholder={t('fa.apply.sponsorTitlePlaceholder')} autoComplete="off" />
            </Form.Item>
          </div>
          <CheckNotes checks={slot('sponsor')} />
        </fieldset>
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <legend className="group-label" style={{ fontWeight: 600, fontSize: 15 }}>{t('fa.apply.liaison')}</legend>
          <div style={GRID}>
            <Form.Item name={['liaison', 'name']} label={t('fa.apply.liaisonName')} rules={[requiredText(t, t('fa.apply.liaisonName'))]}>
              <Input maxLength={50} autoComplete="off" />
            </Form.Item>
            <Form.Item name={['liaison', 'mobile']} label={t('fa.apply.liaisonMobile')} rules={mobileRules(t)}>
              <Input maxLength={11} inputMode="numeric" autoComplete="off" />
            </Form.Item>
          </div>
          <CheckNotes checks={slot('liaison')} />
        </fieldset>
        <Form.Item
          name="internalAssessorId"
          label={level >= 3 ? t('fa.apply.internalRequired') : t('fa.apply.internal')}
          extra={
            <>
              <div>
                {t('fa.apply.internalNote')} <Link to="/assessors">{t('fa.apply.internalRegister')}</Link>
              </div>
              <CheckNotes checks={slot('internalAssessorId')} testId="checks-internalAssessorId" />
            </>
          }
        >
          <Select
            allowClear
            placeholder={internalAssessors.length ? t('fa.apply.choosePlaceholder') : t('fa.apply.internalNone')}
            notFoundContent={t('fa.apply.internalNone')}
            options={internalAssessors.map((a) => ({ value: a.id, label: assessorLabel(t, a) }))}
          />
        </Form.Item>
      </section>

      <section className="form-section" aria-labelledby="apply-body-title">
        <h2 id="apply-body-title">{t('fa.apply.bodyTitle')}</h2>
        <Form.Item name="bodyId" label={t('fa.apply.body')} rules={[requiredChoice(t, t('fa.apply.body'))]} extra={<CheckNotes checks={slot('bodyId')} testId="checks-bodyId" />}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('fa.apply.choosePlaceholder')}
            options={bodies.map((b) => ({ value: b.id, label: t('fa.apply.bodyOption', { name: b.name, region: b.regionName, leads: b.leadAssessorCount }) }))}
          />
        </Form.Item>
        {values.bodyId && leadOptions.length > 0 ? (
          <Form.Item
            name="leadAssessorId"
            label={t('fa.apply.lead')}
            extra={
              <>
                <div>{level >= 4 ? t('fa.apply.leadNoteHigh') : t('fa.apply.leadNote')}</div>
                <CheckNotes checks={slot('leadAssessorId')} testId="checks-leadAssessorId" />
              </>
            }
          >
            <Select allowClear placeholder={t('fa.apply.leadPlaceholder')} options={leadOptions.map((a) => ({ value: a.id, label: assessorLabel(t, a) }))} />
          </Form.Item>
        ) : (
          // The body lists no lead assessor publicly: the body assigns one.
          <div style={{ marginBottom: 20 }} data-testid="lead-by-body">
            <div style={{ fontWeight: 500, marginBottom: 4 }}>{t('fa.apply.leadTitle')}</div>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
              {level >= 4 ? t('fa.apply.leadByBodyHigh') : t('fa.apply.leadByBody')} <Link to="/directory">{t('fa.apply.leadDirectory')}</Link>
            </Typography.Paragraph>
            <CheckNotes checks={slot('leadAssessorId')} testId="checks-leadAssessorId" />
          </div>
        )}
      </section>

      <div aria-live="polite" data-testid="check-summary">
        {blocks.length > 0 && (
          <Alert
            type="error"
            showIcon
            className="page-note"
            id="apply-blocks"
            title={t('fa.apply.blocksTitle')}
            description={
              <ul style={{ margin: 0, paddingLeft: 18, color: BLOCK_COLOUR }}>
                {blocks.map((c) => (
                  <li key={`${c.code}-${c.path}`} lang="zh-CN">
                    {c.message}
                  </li>
                ))}
              </ul>
            }
          />
        )}
        {warnings.length > 0 && (
          <Alert
            type="warning"
            showIcon
            className="page-note"
            title={t('fa.apply.warningsTitle')}
            description={
              <ul style={{ margin: 0, paddingLeft: 18, color: WARNING_COLOUR }}>
                {warnings.map((c) => (
                  <li key={`${c.code}-${c.path}`} lang="zh-CN">
                    {c.message}
                  </li>
                ))}
              </ul>
            }
          />
        )}
        {checks.failed && <Alert type="warning" showIcon className="page-note" title={t('fa.apply.checksFailed', { message: checks.failed })} />}
      </div>
      {submitError && <Alert type="error" showIcon className="page-note" title={submitError} role="alert" data-testid="submit-error" />}
      <Form.Item className="form-actions">
        <Button type="primary" htmlType="submit" size="large" loading={submitting} disabled={blocks.length > 0} aria-describedby={blocks.length > 0 ? 'apply-blocks' : undefined}>
          {t('fa.apply.submit')}
        </Button>
      </Form.Item>
    </Form>
  );
}

function Application({ session }: { session: SessionView }) {
  const { t } = useI18n();
  const enterpriseId = session.enterprise?.id;
  const data = useLoad(async () => {
    const [list, own, bodies, internalAssessors] = await Promise.all([
      api.selfDiagnoses(),
      formalApi.list({ pageSize: 100 }),
      formalApi.bodies(),
      enterpriseId ? formalApi.assessors({ enterpriseId }) : Promise.resolve([]),
    ]);
    return { diagnoses: list.diagnoses.filter((d) => d.status === 'completed'), open: own.items.find((a) => isOpenStage(a.stage)), bodies, internalAssessors };
  }, [enterpriseId]);

  let body;
  if (data.error !== undefined) body = <LoadError error={data.error} onRetry={data.reload} />;
  else if (!data.data) body = <Skeleton active />;
  else if (data.data.open)
    body = (
      <Alert
        type="warning"
        showIcon
        data-testid="apply-open"
        title={t('fa.apply.openTitle')}
        description={
          <>
            {t('fa.apply.openText', { stage: t(stageKey(data.data.open.stage)) })} <Link to={`/formal-assessments/${data.data.open.id}`}>{t('fa.list.openApplication')}</Link>
          </>
        }
      />
    );
  else if (data.data.diagnoses.length === 0)
    body = (
      <Alert
        type="warning"
        showIcon
        data-testid="apply-needs-diagnosis"
        title={t('fa.apply.needsDiagnosisTitle')}
        description={
          <>
            <p style={{ marginTop: 0 }}>{t('fa.apply.needsDiagnosisText')}</p>
            <Link to="/self-diagnoses/new">{t('fa.apply.needsDiagnosisLink')}</Link>
          </>
        }
      />
    );
  else if (data.data.bodies.length === 0) body = <Alert type="warning" showIcon title={t('fa.apply.noBodies')} />;
  else body = <ApplicationForm session={session} diagnoses={data.data.diagnoses} bodies={data.data.bodies} internalAssessors={data.data.internalAssessors} />;

  return (
    <div className="page page-form">
      <Typography.Title>{t('fa.apply.title')}</Typography.Title>
      <Typography.Paragraph>{t('fa.apply.intro')}</Typography.Paragraph>
      {body}
      <div className="section-tight">
        <Link to="/formal-assessments">{t('fa.backToList')}</Link>
      </div>
    </div>
  );
}

export function ApplicationPage() {
  return <RequireAccount roles={['enterprise_user']}>{(_account, session) => <Application session={session} />}</RequireAccount>;
}
