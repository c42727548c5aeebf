// 受理 (seed 003 §8.2.1): the body's admin assigns a lead when none was named; the lead confirms that
// the enterprise's activities are lawful and that it practises intelligent manufacturing, then accepts
// — or declines with a reason the enterprise reads.
import { CheckCircleFilled } from '@ant-design/icons';
import { Alert, Button, Checkbox, Descriptions, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useI18n } from '../../i18n.tsx';
import { useLoad } from '../../use-load.ts';
import { formalApi } from './formal-api.ts';
import { mayLead, requestedLevelOf, topGrade } from './formal-view.ts';
import { ActionError, gradeKey, Section, useAction, Zh, type SectionProps } from './parts.tsx';

function AssignLead({ view, reload }: SectionProps) {
  const { t } = useI18n();
  const action = useAction(reload);
  const level = requestedLevelOf({ assessmentType: view.assessmentType, targetLevel: view.targetLevel ?? undefined, customDomains: view.application.customDomains });
  const candidates = useLoad(() => formalApi.assessors({ bodyId: view.bodyId }), [view.bodyId]);
  const leads = (candidates.data ?? []).filter((a) => mayLead(a, level));
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  return (
    <div className="section-tight" data-testid="assign-lead">
      <Typography.Paragraph>{t(level >= 4 ? 'fa.accept.assignNoteHigh' : 'fa.accept.assignNote')}</Typography.Paragraph>
      <Space wrap>
        <label htmlFor="assign-lead-select">{t('fa.accept.assignLabel')}</label>
        <Select
          id="assign-lead-select"
          style={{ minWidth: 280 }}
          value={chosen}
          onChange={setChosen}
          loading={candidates.loading}
          placeholder={t('fa.apply.choosePlaceholder')}
          notFoundContent={t('fa.accept.noLeads')}
          options={leads.map((a) => {
            const grade = topGrade(a.currentGrades);
            return { value: a.id, label: grade ? t('fa.apply.personWithGrade', { name: a.name, grade: t(gradeKey(grade)) }) : a.name };
          })}
        />
        <Button type="primary" disabled={!chosen} loading={action.busy === 'assign'} onClick={() => chosen && void action.run('assign', () => formalApi.assignLead(view.id, chosen))}>
          {t('fa.accept.assign')}
        </Button>
      </Space>
      {candidates.error !== undefined && <Alert type="warning" showIcon className="section-tight" title={t('fa.accept.leadsFailed')} />}
      <ActionError error={action.error} />
    </div>
  );
}

function Decide({ view, reload }: SectionProps) {
  const { t } = useI18n();
  const action = useAction(reload);
  const [lawful, setLawful] = useState(false);
  const [practises, setPractises] = useState(false);
  const [declining, setDeclining] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();

  const decline = async ({ reason }: { reason: string }) => {
    const done = await action.run('decline', () => formalApi.decideAcceptance(view.id, { accept: false, lawful, intelligentManufacturing: practises, reason: reason.trim() }));
    if (done) setDeclining(false);
  };

  return (
    <div className="section-tight" data-testid="decide-acceptance">
      <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
        <legend style={{ fontWeight: 600, fontSize: 15, marginBottom: 8 }}>{t('fa.accept.confirmLegend')}</legend>
        <Space orientation="vertical">
          <Checkbox checked={lawful} onChange={(e) => setLawful(e.target.checked)}>
            {t('fa.accept.lawful')}
          </Checkbox>
          <Checkbox checked={practises} onChange={(e) => setPractises(e.target.checked)}>
            {t('fa.accept.intelligentManufacturing')}
          </Checkbox>
        </Space>
      </fieldset>
      <Space wrap className="section-tight">
        <Button
          type="primary"
          disabled={!lawful || !practises}
          loading={action.busy === 'accept'}
          aria-describedby={!lawful || !practises ? 'accept-needs' : undefined}
          onClick={() => void action.run('accept', () => formalApi.decideAcceptance(view.id, { accept: true, lawful, intelligentManufacturing: practises }))}
        >
          {t('fa.accept.accept')}
        </Button>
        <Button danger onClick={() => setDeclining(true)}>
          {t('fa.accept.decline')}
        </Button>
        {(!lawful || !practises) && (
          <Typography.Text type="secondary" id="accept-needs">
            {t('fa.accept.needsBoth')}
          </Typography.Text>
        )}
      </Space>
      {!declining && <ActionError error={action.error} />}
      <Modal
        open={declining}
        title={t('fa.accept.declineTitle')}
        okText={t('fa.accept.declineOk')}
        okButtonProps={{ danger: true, loading: action.busy === 'decline' }}
        cancelText={t('form.cancel')}
        onOk={() => form.submit()}
        onCancel={() => setDeclining(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => void decline(v)} preserve={false}>
          <Form.Item name="reason" label={t('fa.accept.declineReason')} extra={t('fa.accept.declineReasonNote')} rules={[{ required: true, whitespace: true, message: t('fa.accept.declineReasonRequired') }]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={1000} showCount />
          </Form.Item>
        </Form>
        <ActionError error={action.error} />
      </Modal>
    </div>
  );
}

export function AcceptanceSection(props: SectionProps) {
  const { t } = useI18n();
  const { view } = props;
  const canAssign = view.actions.includes('assignLead');
  const canDecide = view.actions.includes('decideAcceptance');
  const accepted = view.stage !== 'submitted' && view.stage !== 'declined' && (view.stage !== 'withdrawn' || view.acceptance.lawful);
  const tick = (on: boolean) => (on ? <><CheckCircleFilled aria-hidden style={{ color: '#237804' }} /> {t('fa.accept.confirmed')}</> : t('fa.accept.notConfirmed'));

  let status: ReactNode;
  if (view.stage === 'submitted') status = view.leadName ? <>{t('fa.accept.waitingLead')}<Zh>{view.leadName}</Zh></> : t('fa.accept.waitingAssign');
  else if (view.stage === 'declined') status = t('fa.accept.declined');
  else if (accepted) status = t('fa.accept.accepted');
  else status = t('fa.accept.notDecided');

  return (
    <Section id="acceptance" title={t('fa.accept.title')}>
      <Typography.Paragraph data-testid="acceptance-status">{status}</Typography.Paragraph>
      {accepted && (
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'lawful', label: t('fa.accept.lawfulShort'), children: tick(view.acceptance.lawful) },
            { key: 'im', label: t('fa.accept.intelligentManufacturingShort'), children: tick(view.acceptance.intelligentManufacturing) },
          ]}
        />
      )}
      {view.stage === 'declined' && view.acceptance.declineReason && (
        <Typography.Paragraph>
          <strong>{t('fa.outcome.reasons')}</strong>
          {t('sd.colon')}
          <Zh>{view.acceptance.declineReason}</Zh>
        </Typography.Paragraph>
      )}
      {canAssign && <AssignLead {...props} />}
      {canDecide && <Decide {...props} />}
    </Section>
  );
}
