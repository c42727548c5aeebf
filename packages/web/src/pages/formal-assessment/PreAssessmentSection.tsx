// 现场预评估 (seed 003 §8.2.4; seed 002: 识别企业就绪情况，是否具备正式评估条件): the lead records the
// enterprise's basic situation, the direct and indirect evidence it can give and its readiness, then
// decides 具备正式评估条件 or 终止评估 with reasons the enterprise reads.
import { App, Alert, Button, Descriptions, Form, Input, Radio, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n.tsx';
import type { MessageKey } from '../../locales/zh-CN.ts';
import { beijingDateTime } from '../../self-diagnosis/format.ts';
import { formalApi, type FeasibilityDecision, type PreAssessmentRecord } from './formal-api.ts';
import { Section, useAction, useDescriptionsLayout, type SectionProps } from './parts.tsx';

const FIELDS: { name: keyof PreAssessmentRecord; label: MessageKey; hint: MessageKey }[] = [
  { name: 'basicSituation', label: 'fa.pre.basicSituation', hint: 'fa.pre.basicSituationHint' },
  { name: 'directEvidence', label: 'fa.pre.directEvidence', hint: 'fa.pre.directEvidenceHint' },
  { name: 'indirectEvidence', label: 'fa.pre.indirectEvidence', hint: 'fa.pre.indirectEvidenceHint' },
  { name: 'readinessFindings', label: 'fa.pre.readinessFindings', hint: 'fa.pre.readinessFindingsHint' },
];

function RecordForm({ initial, onSave, onCancel, busy, error }: { initial: PreAssessmentRecord | undefined; onSave: (r: PreAssessmentRecord) => void; onCancel?: () => void; busy: boolean; error?: string }) {
  const { t } = useI18n();
  return (
    <Form<PreAssessmentRecord>
      layout="vertical"
      name="pre-assessment"
      initialValues={initial}
      onFinish={(v) => onSave({ basicSituation: v.basicSituation.trim(), directEvidence: v.directEvidence.trim(), indirectEvidence: v.indirectEvidence.trim(), readinessFindings: v.readinessFindings.trim() })}
      scrollToFirstError={{ block: 'center', focus: true }}
      data-testid="pre-assessment-form"
    >
      {FIELDS.map((f) => (
        <Form.Item key={f.name} name={f.name} label={t(f.label)} extra={t(f.hint)} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t(f.label) }) }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={4000} />
        </Form.Item>
      ))}
      {error && <Alert type="error" showIcon role="alert" className="page-note" title={error} />}
      <Space wrap>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('fa.pre.save')}
        </Button>
        {onCancel && <Button onClick={onCancel}>{t('form.cancel')}</Button>}
      </Space>
    </Form>
  );
}

function DecisionForm({ onDecide, busy, error }: { onDecide: (d: FeasibilityDecision) => void; busy: boolean; error?: string }) {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const [form] = Form.useForm<{ decision?: 'proceed' | 'close'; reasons?: string }>();
  const decision = Form.useWatch('decision', form);
  const submit = (v: { decision?: 'proceed' | 'close'; reasons?: string }) => {
    if (!v.decision) return;
    const body: FeasibilityDecision = { decision: v.decision, reasons: v.reasons?.trim() || undefined };
    modal.confirm({
      title: t(v.decision === 'proceed' ? 'fa.pre.confirmProceed' : 'fa.pre.confirmClose'),
      content: t('fa.pre.confirmText'),
      okText: t('fa.pre.decide'),
      okButtonProps: { danger: v.decision === 'close' },
      cancelText: t('form.cancel'),
      onOk: () => onDecide(body),
    });
  };
  return (
    <Form form={form} layout="vertical" name="feasibility" onFinish={submit} data-testid="feasibility-form" className="section-tight">
      <Form.Item name="decision" label={t('fa.pre.decision')} rules={[{ required: true, message: t('fa.pre.decisionRequired') }]}>
        <Radio.Group aria-label={t('fa.pre.decision')}>
          <Space orientation="vertical">
            <Radio value="proceed">{t('fa.pre.proceed')}</Radio>
            <Radio value="close">{t('fa.pre.close')}</Radio>
          </Space>
        </Radio.Group>
      </Form.Item>
      <Form.Item
        name="reasons"
        label={decision === 'close' ? t('fa.pre.closeReasons') : t('fa.pre.reasons')}
        extra={decision === 'close' ? t('fa.pre.closeReasonsNote') : undefined}
        rules={decision === 'close' ? [{ required: true, whitespace: true, message: t('fa.pre.closeReasonsRequired') }] : []}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} />
      </Form.Item>
      {error && <Alert type="error" showIcon role="alert" className="page-note" title={error} />}
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('fa.pre.decide')}
      </Button>
    </Form>
  );
}

export function PreAssessmentSection({ view, reload }: SectionProps) {
  const { t } = useI18n();
  const record = view.preAssessment;
  const canRecord = view.actions.includes('recordPreAssessment');
  const canDecide = view.actions.includes('decideFeasibility');
  const [editing, setEditing] = useState(false);
  const save = useAction(reload);
  const decide = useAction(reload);
  const layout = useDescriptionsLayout();
  const showForm = canRecord && (editing || !record);

  return (
    <Section
      id="pre-assessment"
      title={t('fa.pre.title')}
      extra={canRecord && record && !editing && <Button onClick={() => setEditing(true)}>{t('fa.pre.edit')}</Button>}
    >
      <Typography.Paragraph type="secondary">{t('fa.pre.intro')}</Typography.Paragraph>
      {record?.decision && (
        <div className="page-note" data-testid="feasibility-decision">
          <Tag color={record.decision === 'proceed' ? 'success' : 'error'}>{t(record.decision === 'proceed' ? 'fa.pre.proceed' : 'fa.pre.close')}</Tag>
          {record.decidedAt && <Typography.Text type="secondary">{beijingDateTime(record.decidedAt)}</Typography.Text>}
          {record.closeReasons && (
            <Typography.Paragraph style={{ marginTop: 8 }}>
              <strong>{t('fa.outcome.reasons')}</strong>
              {t('sd.colon')}
              <span lang="zh-CN" style={{ whiteSpace: 'pre-wrap' }}>
                {record.closeReasons}
              </span>
            </Typography.Paragraph>
          )}
        </div>
      )}
      {showForm ? (
        <RecordForm
          initial={record ?? undefined}
          busy={save.busy === 'save'}
          error={save.error?.message}
          onCancel={record ? () => setEditing(false) : undefined}
          onSave={(r) =>
            void save.run('save', () => formalApi.recordPreAssessment(view.id, r)).then((done) => {
              if (done) setEditing(false);
            })
          }
        />
      ) : record ? (
        <Descriptions
          bordered
          size="small"
          column={1}
          data-testid="pre-assessment-record"
          layout={layout}
          items={FIELDS.map((f) => ({ key: f.name, label: t(f.label), children: <span lang="zh-CN" style={{ whiteSpace: 'pre-wrap' }}>{record[f.name]}</span> }))}
        />
      ) : (
        <Typography.Paragraph type="secondary">{t('fa.pre.none')}</Typography.Paragraph>
      )}
      {canDecide && !showForm && <DecisionForm busy={decide.busy === 'decide'} error={decide.error?.message} onDecide={(d) => void decide.run('decide', () => formalApi.decideFeasibility(view.id, d))} />}
    </Section>
  );
}
