// 评估计划 (seed 003 §8.2.3): 预评估计划 and 正式评估计划, each with purpose, scope, tasks, dates, people
// from the team and the agenda. The lead writes them; the enterprise confirms the version it read; a
// plan changed after confirmation waits for confirmation again (待重新确认).
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api.ts';
import { errorMessage, issueMessage, issuesToFieldErrors, showFieldErrors } from '../../errors.ts';
import { requiredChoice, requiredText } from '../../form-rules.ts';
import { useI18n } from '../../i18n.tsx';
import { beijingDateTime } from '../../self-diagnosis/format.ts';
import { formalApi, type Plan, type PlanKind, type TeamMember } from './formal-api.ts';
import { activeMembers, planDays, planOf, planStatusOf, type PlanStatus, type PlanValues } from './formal-view.ts';
import { ActionError, Section, teamRoleKey, useAction, useDescriptionsLayout, WARNING_COLOUR, Zh, type SectionProps } from './parts.tsx';

const TIME = /^\d{2}:\d{2}(-\d{2}:\d{2})?$/;
const KINDS: readonly PlanKind[] = ['pre', 'formal'];

const STATUS_TAG: Record<PlanStatus, { color: string; key: 'fa.plan.status.missing' | 'fa.plan.status.unconfirmed' | 'fa.plan.status.confirmed' | 'fa.plan.status.changed' }> = {
  missing: { color: 'default', key: 'fa.plan.status.missing' },
  unconfirmed: { color: 'warning', key: 'fa.plan.status.unconfirmed' },
  confirmed: { color: 'success', key: 'fa.plan.status.confirmed' },
  changed: { color: 'warning', key: 'fa.plan.status.changed' },
};

function names(ids: readonly string[], team: readonly TeamMember[]): string {
  return ids.map((id) => team.find((m) => m.assessorId === id)?.name ?? id).join('、');
}

function PlanView({ plan, team }: { plan: Plan; team: readonly TeamMember[] }) {
  const { t } = useI18n();
  const layout = useDescriptionsLayout();
  return (
    <>
      <Descriptions
        size="small"
        bordered
        column={1}
        layout={layout}
        items={[
          { key: 'purpose', label: t('fa.plan.purpose'), children: <Zh>{plan.purpose}</Zh> },
          { key: 'scope', label: t('fa.plan.scope'), children: <Zh>{plan.scope}</Zh> },
          { key: 'tasks', label: t('fa.plan.tasks'), children: <span lang="zh-CN" style={{ whiteSpace: 'pre-wrap' }}>{plan.tasks}</span> },
          { key: 'dates', label: t('fa.plan.dates'), children: t('fa.plan.datesText', { start: plan.startsOn, end: plan.endsOn, days: planDays(plan.startsOn, plan.endsOn) }) },
          { key: 'people', label: t('fa.plan.people'), children: <Zh>{names(plan.assessorIds, team)}</Zh> },
          {
            key: 'effort',
            label: t('fa.plan.effort'),
            children: (
              <span style={plan.planned.personDays < plan.standard.personDays ? { color: WARNING_COLOUR } : undefined}>
                {t('fa.plan.effortText', { people: plan.planned.people, days: plan.planned.days, personDays: plan.planned.personDays, standard: plan.standard.personDays })}
              </span>
            ),
          },
        ]}
      />
      <div className="table-scroll section-tight">
        <table className="data-table" style={{ fontSize: 14 }} data-testid="agenda-table">
          <caption>{t('fa.plan.agenda')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('fa.plan.agendaDate')}</th>
              <th scope="col">{t('fa.plan.agendaTime')}</th>
              <th scope="col">{t('fa.plan.agendaActivity')}</th>
              <th scope="col">{t('fa.plan.agendaPeople')}</th>
            </tr>
          </thead>
          <tbody>
            {plan.agenda.map((row, i) => (
              <tr key={i}>
                <td style={{ whiteSpace: 'nowrap' }}>{row.date}</td>
                <td style={{ whiteSpace: 'nowrap' }}>{row.time}</td>
                <td lang="zh-CN">{row.activity}</td>
                <td lang="zh-CN">{row.assessorIds.length ? names(row.assessorIds, team) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function PlanForm({ kind, plan, view, onDone, onCancel }: { kind: PlanKind; plan: Plan | null; view: SectionProps['view']; onDone: () => void; onCancel: () => void }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<PlanValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const team = activeMembers(view.team);
  const people = team.map((m) => ({ value: m.assessorId, label: t('fa.plan.personRole', { name: m.name, role: t(teamRoleKey(m.teamRole)) }) }));
  const initial: PlanValues = plan
    ? { purpose: plan.purpose, scope: plan.scope, tasks: plan.tasks, startsOn: plan.startsOn, endsOn: plan.endsOn, assessorIds: plan.assessorIds, agenda: plan.agenda }
    : {
        purpose: t(kind === 'pre' ? 'fa.plan.defaultPurposePre' : 'fa.plan.defaultPurposeFormal'),
        scope: view.application.scope,
        tasks: t(kind === 'pre' ? 'fa.plan.defaultTasksPre' : 'fa.plan.defaultTasksFormal'),
        startsOn: '',
        endsOn: '',
        assessorIds: team.map((m) => m.assessorId),
        agenda: [{ date: '', time: '', activity: '', assessorIds: [] }],
      };

  const save = async (values: PlanValues) => {
    setSaving(true);
    setError(undefined);
    try {
      await formalApi.savePlan(view.id, kind, planOf(values));
      onDone();
    } catch (e) {
      setError(errorMessage(e, lang, t));
      if (e instanceof ApiError) {
        const numeric = (name: (string | number)[]) => name.map((p) => (typeof p === 'string' && /^\d+$/.test(p) ? Number(p) : p));
        showFieldErrors(form, issuesToFieldErrors(e.issues, (i) => issueMessage(i, lang, t), numeric));
      }
    } finally {
      setSaving(false);
    }
  };

  const dateRule = { pattern: /^\d{4}-\d{2}-\d{2}$/, message: t('fa.plan.dateInvalid') };
  const title = t(kind === 'pre' ? 'fa.plan.kind.pre' : 'fa.plan.kind.formal');

  return (
    <Form<PlanValues> form={form} layout="vertical" initialValues={initial} onFinish={(v) => void save(v)} name={`plan-${kind}`} scrollToFirstError={{ block: 'center', focus: true }} data-testid={`plan-form-${kind}`}>
      {plan?.confirmed && <Alert type="warning" showIcon className="page-note" title={t('fa.plan.changeWarning')} />}
      <Form.Item name="purpose" label={t('fa.plan.purpose')} rules={[requiredText(t, t('fa.plan.purpose'))]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} />
      </Form.Item>
      <Form.Item name="scope" label={t('fa.plan.scope')} rules={[requiredText(t, t('fa.plan.scope'))]}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 5 }} maxLength={500} />
      </Form.Item>
      <Form.Item name="tasks" label={t('fa.plan.tasks')} rules={[requiredText(t, t('fa.plan.tasks'))]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} />
      </Form.Item>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))', columnGap: 16 }}>
        <Form.Item name="startsOn" label={t('fa.plan.startsOn')} rules={[requiredText(t, t('fa.plan.startsOn')), dateRule]}>
          <Input type="date" />
        </Form.Item>
        <Form.Item
          name="endsOn"
          label={t('fa.plan.endsOn')}
          dependencies={['startsOn']}
          rules={[
            requiredText(t, t('fa.plan.endsOn')),
            dateRule,
            ({ getFieldValue }) => ({
              validator: async (_rule, value: unknown) => {
                const start = getFieldValue('startsOn') as unknown;
                if (typeof value === 'string' && typeof start === 'string' && value && start && value < start) throw new Error(t('fa.plan.endBeforeStart'));
              },
            }),
          ]}
        >
          <Input type="date" />
        </Form.Item>
      </div>
      <Form.Item name="assessorIds" label={t('fa.plan.people')} rules={[requiredChoice(t, t('fa.plan.people'))]} extra={t('fa.plan.peopleNote')}>
        <Select mode="multiple" options={people} />
      </Form.Item>
      <fieldset style={{ border: 0, padding: 0, margin: '0 0 16px' }}>
        <legend style={{ fontWeight: 600, fontSize: 15, marginBottom: 8 }}>{t('fa.plan.agenda')}</legend>
        <Form.List name="agenda" rules={[{ validator: async (_r, rows: unknown[]) => { if (!rows?.length) throw new Error(t('fa.plan.agendaRequired')); } }]}>
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field, index) => (
                <div
                  key={field.key}
                  role="group"
                  aria-label={t('fa.plan.agendaRow', { n: index + 1, plan: title })}
                  data-testid={`agenda-row-${index}`}
                  style={{ display: 'grid', gridTemplateColumns: 'minmax(140px, 1fr) minmax(120px, 1fr) minmax(180px, 2fr) minmax(180px, 2fr) auto', gap: '0 8px', alignItems: 'start', borderTop: '1px solid #f0f0f0', paddingTop: 8 }}
                >
                  <Form.Item name={[field.name, 'date']} rules={[requiredText(t, t('fa.plan.agendaDate')), dateRule]}>
                    <Input type="date" aria-label={t('fa.plan.agendaCell', { n: index + 1, field: t('fa.plan.agendaDate') })} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'time']} rules={[requiredText(t, t('fa.plan.agendaTime')), { pattern: TIME, message: t('fa.plan.timeInvalid') }]}>
                    <Input placeholder="09:00-12:00" aria-label={t('fa.plan.agendaCell', { n: index + 1, field: t('fa.plan.agendaTime') })} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'activity']} rules={[requiredText(t, t('fa.plan.agendaActivity'))]}>
                    <Input maxLength={200} placeholder={t('fa.plan.activityPlaceholder')} aria-label={t('fa.plan.agendaCell', { n: index + 1, field: t('fa.plan.agendaActivity') })} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'assessorIds']}>
                    <Select mode="multiple" options={people} placeholder={t('fa.plan.agendaPeople')} aria-label={t('fa.plan.agendaCell', { n: index + 1, field: t('fa.plan.agendaPeople') })} />
                  </Form.Item>
                  <Button icon={<DeleteOutlined aria-hidden />} onClick={() => remove(field.name)} disabled={fields.length <= 1} aria-label={t('fa.plan.agendaRemove', { n: index + 1 })} />
                </div>
              ))}
              <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add({ date: '', time: '', activity: '', assessorIds: [] })}>
                {t('fa.plan.agendaAdd')}
              </Button>
              <Form.ErrorList errors={errors} />
            </>
          )}
        </Form.List>
      </fieldset>
      {error && <Alert type="error" showIcon role="alert" className="page-note" title={error} />}
      <Space wrap>
        <Button type="primary" htmlType="submit" loading={saving}>
          {t('fa.plan.save', { plan: title })}
        </Button>
        <Button onClick={onCancel}>{t('form.cancel')}</Button>
      </Space>
    </Form>
  );
}

function PlanCard({ kind, view, reload }: SectionProps & { kind: PlanKind }) {
  const { t } = useI18n();
  const plan = view.plans[kind];
  const status = planStatusOf(plan);
  const [editing, setEditing] = useState(false);
  const action = useAction(reload);
  const title = t(kind === 'pre' ? 'fa.plan.kind.pre' : 'fa.plan.kind.formal');
  const canEdit = view.actions.includes('editPlans');
  const canConfirm = view.actions.includes('confirmPlans') && plan !== null && status !== 'confirmed';
  return (
    <section aria-labelledby={`plan-${kind}-title`} data-testid={`plan-${kind}`} style={{ border: '1px solid #e5e8ef', borderRadius: 8, padding: '12px 16px', marginTop: 12 }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', marginBottom: 8 }}>
        <h3 id={`plan-${kind}-title`} className="card-heading">
          {title}
        </h3>
        <Tag color={STATUS_TAG[status].color} data-testid={`plan-${kind}-status`}>
          {t(STATUS_TAG[status].key)}
        </Tag>
        {plan && <Typography.Text type="secondary">{t('fa.plan.version', { version: plan.version })}</Typography.Text>}
        {plan?.confirmedAt && status === 'confirmed' && <Typography.Text type="secondary">{t('fa.plan.confirmedAt', { at: beijingDateTime(plan.confirmedAt) })}</Typography.Text>}
        <span style={{ marginLeft: 'auto' }}>
          {canEdit && !editing && <Button onClick={() => setEditing(true)}>{t(plan ? 'fa.plan.edit' : 'fa.plan.write', { plan: title })}</Button>}
        </span>
      </div>
      {status === 'changed' && <Alert type="warning" showIcon className="page-note" title={t('fa.plan.changedNote', { confirmed: plan?.confirmedVersion ?? 0, version: plan?.version ?? 0 })} />}
      {editing ? (
        <PlanForm
          kind={kind}
          plan={plan}
          view={view}
          onDone={() => {
            setEditing(false);
            reload();
          }}
          onCancel={() => setEditing(false)}
        />
      ) : plan ? (
        <PlanView plan={plan} team={view.team} />
      ) : (
        <Typography.Paragraph type="secondary">{t('fa.plan.none')}</Typography.Paragraph>
      )}
      {canConfirm && !editing && plan && (
        <div className="section-tight">
          <Button type="primary" loading={action.busy === 'confirm'} onClick={() => void action.run('confirm', () => formalApi.confirmPlan(view.id, kind, plan.version))}>
            {t('fa.plan.confirm', { plan: title, version: plan.version })}
          </Button>
        </div>
      )}
      <ActionError error={action.error} />
    </section>
  );
}

export function PlansSection(props: SectionProps) {
  const { t } = useI18n();
  return (
    <Section id="plans" title={t('fa.plan.title')}>
      <Typography.Paragraph type="secondary">{t('fa.plan.intro')}</Typography.Paragraph>
      {KINDS.map((kind) => (
        <PlanCard key={kind} kind={kind} {...props} />
      ))}
    </Section>
  );
}
