// 沟通评估结果 and 末次会议 (seed 003 §8.4): at 等级判定 the lead shares the result with the enterprise;
// while communicating the enterprise answers findings (再次论证, under each finding in the result) and
// the lead decides on each, then records the closing meeting, which fixes the final result (the server
// refuses with RESPONSES_PENDING while a response is undecided and lists them). Afterwards the record
// of the meeting, and the way on to 合规性审查.
import { Alert, Button, Descriptions, Form, Input, Typography } from 'antd';
import { Link } from 'react-router';
import { requiredText } from '../../form-rules.ts';
import { useI18n } from '../../i18n.tsx';
import { beijingDateTime, levelLabelKey } from '../../self-diagnosis/format.ts';
import type { Loaded } from '../../use-load.ts';
import { useAction, useDescriptionsLayout, Zh } from '../formal-assessment/parts.tsx';
import { certificationApi } from './certification-api.ts';
import { CountedHelp, findingElementId, focusLater, IssueAlert, useConfirm, type Located } from './certification-parts.tsx';
import { findingEntries, findingName, hasReview, isShared, responseCounts, responseIssueId, type CertificationRole } from './certification-view.ts';
import type { FormalAssessment, FormalResultView } from './rating-api.ts';
import { kindKey, RatingSection } from './rating-parts.tsx';

const HEADING = 'communication-title';

interface MeetingValues {
  heldOn?: string;
  attendees?: string;
  summary?: string;
}

function LastMeetingForm({ view, pending, locate, onChanged }: { view: FormalAssessment; pending: number; locate: (path: string) => Located | undefined; onChanged: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<MeetingValues>();
  const confirm = useConfirm();
  const finalise = useAction(onChanged);
  const onFinish = (values: MeetingValues) =>
    confirm({
      title: t('cert.meeting.confirmTitle'),
      content: t('cert.meeting.confirmText'),
      okText: t('cert.meeting.finalise'),
      focusAfter: HEADING,
      run: () =>
        finalise.run('finalise', () =>
          certificationApi.finalise(view.id, { heldOn: values.heldOn ?? '', attendees: (values.attendees ?? '').trim(), summary: (values.summary ?? '').trim() }),
        ),
    });
  return (
    <section aria-labelledby="last-meeting-form-title">
      <Typography.Title level={3} id="last-meeting-form-title" style={{ fontSize: 16 }}>
        {t('cert.meeting.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('cert.meeting.intro')}</Typography.Paragraph>
      {pending > 0 && <Alert type="warning" showIcon className="page-note" data-testid="responses-pending" title={t('cert.meeting.pending', { count: pending })} />}
      <Form<MeetingValues> form={form} layout="vertical" name="last-meeting" onFinish={onFinish} scrollToFirstError={{ block: 'center', focus: true }} data-testid="last-meeting-form">
        <Form.Item name="heldOn" label={t('cert.meeting.heldOn')} rules={[requiredText(t, t('cert.meeting.heldOn')), { pattern: /^\d{4}-\d{2}-\d{2}$/, message: t('rating.dateInvalid') }]}>
          <Input type="date" style={{ maxWidth: 220 }} />
        </Form.Item>
        <Form.Item name="attendees" label={t('cert.meeting.attendees')} extra={t('cert.meeting.attendeesHelp')} rules={[requiredText(t, t('cert.meeting.attendees'))]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} />
        </Form.Item>
        <Form.Item name="summary" label={t('cert.meeting.summary')} extra={<CountedHelp>{t('cert.meeting.summaryHelp')}</CountedHelp>} rules={[requiredText(t, t('cert.meeting.summary'))]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={4000} showCount />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={finalise.busy === 'finalise'} data-testid="finalise">
          {t('cert.meeting.finalise')}
        </Button>
      </Form>
      <IssueAlert error={finalise.error} locate={locate} testId="finalise-error" />
    </section>
  );
}

function MeetingRecord({ meeting }: { meeting: NonNullable<FormalResultView['lastMeeting']> }) {
  const { t } = useI18n();
  const layout = useDescriptionsLayout();
  return (
    <section aria-labelledby="last-meeting-title">
      <Typography.Title level={3} id="last-meeting-title" style={{ fontSize: 16 }}>
        {t('cert.meeting.title')}
      </Typography.Title>
      <Descriptions
        bordered
        size="small"
        column={1}
        layout={layout}
        data-testid="last-meeting-record"
        items={[
          { key: 'heldOn', label: t('cert.meeting.heldOn'), children: meeting.heldOn },
          { key: 'attendees', label: t('cert.meeting.attendees'), children: <span lang="zh-CN" style={{ whiteSpace: 'pre-wrap' }}>{meeting.attendees}</span> },
          { key: 'summary', label: t('cert.meeting.summary'), children: <span lang="zh-CN" style={{ whiteSpace: 'pre-wrap' }}>{meeting.summary}</span> },
          { key: 'recorded', label: t('rating.meeting.recordedAt'), children: beijingDateTime(meeting.recordedAt) },
        ]}
      />
    </section>
  );
}

export function CommunicationSection({ view, result, role, onChanged }: { view: FormalAssessment; result: Loaded<FormalResultView | undefined>; role: CertificationRole; onChanged: () => void }) {
  const { t } = useI18n();
  const confirm = useConfirm();
  const share = useAction(onChanged);
  const data = result.data;
  const shared = isShared(view.stage);
  const responses = shared ? (data?.responses ?? []) : [];
  const counts = responseCounts(responses);
  const entries = data ? findingEntries(data.findings, responses) : [];
  const pending = entries.filter((e) => e.state === 'pending');
  const locate = (path: string): Located | undefined => {
    const id = responseIssueId(path);
    const entry = entries.find((e) => e.finding.requirementId === id);
    return entry ? { elementId: findingElementId(entry.finding.requirementId), name: findingName(t, entry.finding) } : undefined;
  };
  const confirmShare = () =>
    confirm({
      title: t('cert.share.confirmTitle'),
      content: t('cert.share.confirmText'),
      okText: t('cert.share.button'),
      focusAfter: HEADING,
      run: () => share.run('share', () => certificationApi.shareResult(view.id)),
    });

  return (
    <RatingSection id="communication" title={t('cert.communication.title')}>
      <Typography.Paragraph type="secondary">{t('cert.communication.intro')}</Typography.Paragraph>

      {view.stage === 'rated' &&
        (role.canShare ? (
          <>
            <Typography.Paragraph>{t('cert.share.lead')}</Typography.Paragraph>
            <Button type="primary" onClick={confirmShare} loading={share.busy === 'share'} data-testid="share-result">
              {t('cert.share.button')}
            </Button>
            <IssueAlert error={share.error} testId="share-error" />
          </>
        ) : (
          <Typography.Paragraph data-testid="share-waiting">{t('cert.share.waiting')}</Typography.Paragraph>
        ))}

      {shared && (
        <Typography.Paragraph strong data-testid="response-counts">
          {counts.total === 0 ? t('cert.communication.noResponses') : t('cert.communication.counts', { ...counts })}
        </Typography.Paragraph>
      )}

      {view.stage === 'communicating' && (
        <>
          {role.canRespond && <Typography.Paragraph>{t('cert.communication.enterprise')}</Typography.Paragraph>}
          {role.canDecide && pending.length > 0 && (
            <section aria-labelledby="pending-responses-title" className="page-note">
              <Typography.Title level={3} id="pending-responses-title" style={{ fontSize: 16 }}>
                {t('cert.communication.pendingTitle', { count: pending.length })}
              </Typography.Title>
              <ul style={{ margin: 0, paddingLeft: 18 }} data-testid="pending-responses">
                {pending.map((e) => (
                  <li key={e.finding.requirementId}>
                    {t(kindKey(e.finding.kind))} · {t(levelLabelKey(e.finding.level))} · <Zh>{e.finding.itemName}</Zh>
                    <Button type="link" size="small" onClick={() => focusLater(findingElementId(e.finding.requirementId))} aria-label={t('cert.locateOf', { name: findingName(t, e.finding) })}>
                      {t('rating.showRow')}
                    </Button>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {role.canFinalise ? (
            <LastMeetingForm view={view} pending={counts.pending} locate={locate} onChanged={onChanged} />
          ) : (
            !role.canDecide && <Typography.Paragraph type="secondary">{t('cert.communication.waitMeeting')}</Typography.Paragraph>
          )}
        </>
      )}

      {data?.lastMeeting && <MeetingRecord meeting={data.lastMeeting} />}

      {hasReview(view.stage) && (
        <p className="section-tight">
          <Link to={`/formal-assessments/${encodeURIComponent(view.id)}/review`} data-testid="to-review" style={{ fontWeight: 600 }}>
            {t('cert.review.link')} <span aria-hidden>→</span>
          </Link>
        </p>
      )}
    </RatingSection>
  );
}

