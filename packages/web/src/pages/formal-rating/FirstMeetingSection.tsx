// 首次会议 (seed 003 §8.3.1): the lead records when it was held, who attended, that the formal
// assessment plan was confirmed and what was agreed; the first record starts the formal assessment
// (可行 → 正式评估中). The lead may correct the record while the assessment is under way.
import { App, Alert, Button, Checkbox, Descriptions, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { requiredText } from '../../form-rules.ts';
import { useI18n } from '../../i18n.tsx';
import { beijingDateTime } from '../../self-diagnosis/format.ts';
import { useDescriptionsLayout } from '../formal-assessment/parts.tsx';
import { FormButtons, useFormSave } from './form-save.tsx';
import { ratingApi, type FormalAssessment, type WorkingSheet } from './rating-api.ts';
import { RatingSection } from './rating-parts.tsx';
import type { RatingRole } from './rating-view.ts';

interface Values {
  heldOn?: string;
  attendees?: string;
  planConfirmed?: boolean;
  agreedItems?: string;
}

type Meeting = NonNullable<WorkingSheet['firstMeeting']>;

function MeetingForm({ view, meeting, onSaved, onCancel }: { view: FormalAssessment; meeting: Meeting | null; onSaved: () => void; onCancel?: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const { saving, error, save } = useFormSave(form);
  const onFinish = (values: Values) =>
    save(async () => {
      await ratingApi.recordFirstMeeting(view.id, {
        heldOn: values.heldOn ?? '',
        attendees: (values.attendees ?? '').trim(),
        planConfirmed: true,
        agreedItems: (values.agreedItems ?? '').trim(),
      });
      onSaved();
    });
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      name="first-meeting"
      initialValues={meeting ? { heldOn: meeting.heldOn, attendees: meeting.attendees, planConfirmed: meeting.planConfirmed, agreedItems: meeting.agreedItems } : {}}
      onFinish={(v) => void onFinish(v)}
      scrollToFirstError={{ block: 'center', focus: true }}
      data-testid="first-meeting-form"
    >
      <Form.Item name="heldOn" label={t('rating.meeting.heldOn')} rules={[requiredText(t, t('rating.meeting.heldOn')), { pattern: /^\d{4}-\d{2}-\d{2}$/, message: t('rating.dateInvalid') }]}>
        <Input type="date" style={{ maxWidth: 220 }} />
      </Form.Item>
      <Form.Item name="attendees" label={t('rating.meeting.attendees')} extra={t('rating.meeting.attendeesHelp')} rules={[requiredText(t, t('rating.meeting.attendees'))]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} />
      </Form.Item>
      <Form.Item
        name="planConfirmed"
        valuePropName="checked"
        extra={t('rating.meeting.planConfirmedHelp')}
        rules={[{ validator: async (_rule, value: unknown) => { if (value !== true) throw new Error(t('rating.meeting.planConfirmedRequired')); } }]}
      >
        <Checkbox>{t('rating.meeting.planConfirmed')}</Checkbox>
      </Form.Item>
      <Form.Item name="agreedItems" label={t('rating.meeting.agreedItems')} extra={t('rating.meeting.agreedItemsHelp')} rules={[requiredText(t, t('rating.meeting.agreedItems'))]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={4000} showCount />
      </Form.Item>
      <FormButtons error={error} saving={saving} submitText={meeting ? t('form.save') : t('rating.meeting.record')} submitTestId="save-first-meeting" onCancel={onCancel} />
    </Form>
  );
}

export function FirstMeetingSection({ view, sheet, role, onChanged }: { view: FormalAssessment; sheet: WorkingSheet | undefined; role: RatingRole; onChanged: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const layout = useDescriptionsLayout();
  const meeting = sheet?.firstMeeting ?? null;
  const [editing, setEditing] = useState(false);
  // Without the sheet the record is unknown, except at 可行: the first record moves the stage on.
  const showForm = role.canRecordMeeting && (editing || (!meeting && (sheet !== undefined || view.stage === 'feasible')));
  return (
    <RatingSection
      id="first-meeting"
      title={t('rating.meeting.title')}
      extra={role.canRecordMeeting && meeting && !editing && <Button onClick={() => setEditing(true)}>{t('rating.meeting.edit')}</Button>}
    >
      <Typography.Paragraph type="secondary">{t('rating.meeting.intro')}</Typography.Paragraph>
      {showForm ? (
        <>
          {!meeting && <Alert type="info" showIcon className="page-note" title={t('rating.meeting.startsAssessment')} />}
          <MeetingForm
            view={view}
            meeting={meeting}
            onCancel={meeting ? () => setEditing(false) : undefined}
            onSaved={() => {
              setEditing(false);
              void message.success(t('rating.meeting.saved'));
              onChanged();
            }}
          />
        </>
      ) : meeting ? (
        <Descriptions
          bordered
          size="small"
          column={1}
          layout={layout}
          data-testid="first-meeting-record"
          items={[
            { key: 'heldOn', label: t('rating.meeting.heldOn'), children: meeting.heldOn },
            { key: 'attendees', label: t('rating.meeting.attendees'), children: <span lang="zh-CN" style={{ whiteSpace: 'pre-wrap' }}>{meeting.attendees}</span> },
            { key: 'plan', label: t('rating.meeting.planConfirmedLabel'), children: meeting.planConfirmed ? t('rating.meeting.planConfirmedYes') : t('rating.meeting.planConfirmedNo') },
            { key: 'agreed', label: t('rating.meeting.agreedItems'), children: <span lang="zh-CN" style={{ whiteSpace: 'pre-wrap' }}>{meeting.agreedItems}</span> },
            { key: 'recorded', label: t('rating.meeting.recordedAt'), children: beijingDateTime(meeting.recordedAt) },
          ]}
        />
      ) : (
        <Typography.Paragraph type="secondary" data-testid="first-meeting-none">
          {t('rating.meeting.none')}
        </Typography.Paragraph>
      )}
    </RatingSection>
  );
}
