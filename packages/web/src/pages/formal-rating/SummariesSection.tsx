// 能力域评估综述 (seed 003 §8.3.3): for each domain in scope, its strengths, weaknesses and directions
// for improvement, as the report states them. The lead writes them while the assessment is under way;
// everyone who may see the consensus reads them.
import { App, Button, Descriptions, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { requiredText } from '../../form-rules.ts';
import { useI18n } from '../../i18n.tsx';
import type { MessageKey } from '../../locales/zh-CN.ts';
import { useDescriptionsLayout, Zh } from '../formal-assessment/parts.tsx';
import { FormButtons, useFormSave } from './form-save.tsx';
import { ratingApi, type DomainSummaryInput, type WorkingSheet } from './rating-api.ts';
import { RatingSection } from './rating-parts.tsx';
import { domainsOf, type RatingRole } from './rating-view.ts';

const FIELDS: { name: keyof DomainSummaryInput; label: MessageKey; help: MessageKey }[] = [
  { name: 'strengths', label: 'rating.summary.strengths', help: 'rating.summary.strengthsHelp' },
  { name: 'weaknesses', label: 'rating.summary.weaknesses', help: 'rating.summary.weaknessesHelp' },
  { name: 'improvements', label: 'rating.summary.improvements', help: 'rating.summary.improvementsHelp' },
];

type Summary = WorkingSheet['domainSummaries'][number];

function SummaryForm({ assessmentId, domainId, summary, onSaved, onCancel }: { assessmentId: string; domainId: string; summary: Summary | undefined; onSaved: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Partial<DomainSummaryInput>>();
  const { saving, error, save } = useFormSave(form);
  const onFinish = (values: Partial<DomainSummaryInput>) =>
    save(async () => {
      await ratingApi.saveDomainSummary(assessmentId, domainId, {
        strengths: (values.strengths ?? '').trim(),
        weaknesses: (values.weaknesses ?? '').trim(),
        improvements: (values.improvements ?? '').trim(),
      });
      onSaved();
    });
  return (
    <Form<Partial<DomainSummaryInput>>
      form={form}
      layout="vertical"
      name={`summary-${domainId}`}
      initialValues={summary ? { strengths: summary.strengths, weaknesses: summary.weaknesses, improvements: summary.improvements } : {}}
      onFinish={(v) => void onFinish(v)}
      scrollToFirstError={{ block: 'center', focus: true }}
      data-testid={`summary-form-${domainId}`}
    >
      {FIELDS.map((f) => (
        <Form.Item key={f.name} name={f.name} label={t(f.label)} extra={t(f.help)} rules={[requiredText(t, t(f.label))]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} maxLength={4000} />
        </Form.Item>
      ))}
      <FormButtons error={error} saving={saving} submitText={t('form.save')} onCancel={onCancel} />
    </Form>
  );
}

export function SummariesSection({ assessmentId, sheet, role, onChanged }: { assessmentId: string; sheet: WorkingSheet; role: RatingRole; onChanged: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const layout = useDescriptionsLayout();
  const [editing, setEditing] = useState<string>();
  const written = new Map(sheet.domainSummaries.map((s) => [s.domainId, s]));
  const domains = domainsOf(sheet.rows);
  return (
    <RatingSection id="summaries" title={t('rating.summary.title')}>
      <Typography.Paragraph type="secondary">{t(role.canWriteSummaries ? 'rating.summary.introLead' : 'rating.summary.intro')}</Typography.Paragraph>
      {role.canWriteSummaries && (
        <Typography.Paragraph data-testid="summaries-progress">{t('rating.summary.progress', { written: domains.filter((d) => written.has(d.id)).length, total: domains.length })}</Typography.Paragraph>
      )}
      {domains.map((d) => {
        const summary = written.get(d.id);
        const titleId = `summary-${d.id}-title`;
        return (
          <section key={d.id} aria-labelledby={titleId} data-testid={`summary-${d.id}`} style={{ marginBottom: 16 }}>
            <div style={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', alignItems: 'baseline', gap: 8 }}>
              <Typography.Title level={3} id={titleId} style={{ fontSize: 16 }}>
                <Zh>{d.name}</Zh>
              </Typography.Title>
              {role.canWriteSummaries && editing !== d.id && (
                <Button size="small" onClick={() => setEditing(d.id)} aria-label={t(summary ? 'rating.summary.editOf' : 'rating.summary.writeOf', { name: d.name })}>
                  {t(summary ? 'rating.summary.edit' : 'rating.summary.write')}
                </Button>
              )}
            </div>
            {editing === d.id ? (
              <SummaryForm
                assessmentId={assessmentId}
                domainId={d.id}
                summary={summary}
                onCancel={() => setEditing(undefined)}
                onSaved={() => {
                  setEditing(undefined);
                  void message.success(t('rating.summary.saved', { name: d.name }));
                  onChanged();
                }}
              />
            ) : summary ? (
              <Descriptions
                bordered
                size="small"
                column={1}
                layout={layout}
                items={FIELDS.map((f) => ({ key: f.name, label: t(f.label), children: <span lang="zh-CN" style={{ whiteSpace: 'pre-wrap' }}>{summary[f.name]}</span> }))}
              />
            ) : (
              <Typography.Text type="secondary">{t('rating.summary.none')}</Typography.Text>
            )}
          </section>
        );
      })}
    </RatingSection>
  );
}
