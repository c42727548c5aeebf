// 再次论证 (seed 003 §8.4.1) under one finding: the enterprise's argument and the evidence it offers
// (editable until the lead decides), the lead's decision — 采纳 with the adjusted grade, or 不采纳 —
// with its reason, and the grade before → after. Forms open in place; the focus goes into the form,
// and back to its button (cancel) or to the finding (saved).
import { App, Button, Form, Input, Radio, Space, Typography, type FormInstance } from 'antd';
import { useRef, useState, type RefObject } from 'react';
import { ApiError } from '../../api.ts';
import { requiredChoice, requiredText } from '../../form-rules.ts';
import { useI18n } from '../../i18n.tsx';
import { beijingDateTime, GRADE_KEYS } from '../../self-diagnosis/format.ts';
import { certificationApi } from './certification-api.ts';
import { CountedHelp, findingElementId, focusLater, ResponseStateTag } from './certification-parts.tsx';
import { findingName, suggestedGrade, type CertificationRole, type FindingEntry } from './certification-view.ts';
import { FormButtons, useFormSave } from './form-save.tsx';
import type { FindingResponse, RatedGradeCode } from './rating-api.ts';
import { GradeTag, kindKey } from './rating-parts.tsx';
import { GRADES_ASCENDING } from './rating-view.ts';

/**
 * Saving a response or a decision: `write` sends it and returns the confirmation to show; then the form
 * closes and what changed re-loads. Decided meanwhile (RESPONSE_DECIDED): re-load to show the decision.
 */
function useResponseSave<V>(form: FormInstance<V>, onDone: () => void, onChanged: () => void) {
  const { message } = App.useApp();
  const { saving, error, save } = useFormSave(form);
  const saveResponse = (write: () => Promise<string>) =>
    save(
      async () => {
        void message.success(await write());
        onDone();
        onChanged();
      },
      (failure) => {
        if (failure instanceof ApiError && failure.code === 'RESPONSE_DECIDED') onChanged();
      },
    );
  return { saving, error, save: saveResponse };
}

interface ResponseValues {
  response?: string;
  evidenceNote?: string;
}

function ResponseForm({ assessmentId, entry, onDone, onCancel, onChanged }: { assessmentId: string; entry: FindingEntry; onDone: () => void; onCancel: () => void; onChanged: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<ResponseValues>();
  const { saving, error, save } = useResponseSave(form, onDone, onChanged);
  const { finding, response } = entry;
  const onFinish = (values: ResponseValues) =>
    save(async () => {
      const note = (values.evidenceNote ?? '').trim();
      await certificationApi.respond(assessmentId, finding.requirementId, { response: (values.response ?? '').trim(), ...(note ? { evidenceNote: note } : {}) });
      return t('cert.response.saved');
    });
  return (
    <Form<ResponseValues>
      form={form}
      layout="vertical"
      name={`response-${finding.requirementId}`}
      initialValues={response ? { response: response.response, evidenceNote: response.evidenceNote ?? '' } : {}}
      onFinish={(v) => void onFinish(v)}
      scrollToFirstError={{ block: 'center', focus: true }}
      role="group"
      aria-label={t('cert.response.formOf', { name: findingName(t, finding) })}
      data-testid={`response-form-${finding.requirementId}`}
      style={{ marginTop: 8 }}
    >
      <Form.Item name="response" label={t('cert.response.text')} extra={<CountedHelp>{t('cert.response.textHelp')}</CountedHelp>} rules={[requiredText(t, t('cert.response.text'))]}>
        <Input.TextArea autoFocus autoSize={{ minRows: 3, maxRows: 10 }} maxLength={4000} showCount />
      </Form.Item>
      <Form.Item name="evidenceNote" label={t('cert.response.evidence')} extra={t('cert.response.evidenceHelp')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} />
      </Form.Item>
      <FormButtons error={error} saving={saving} submitText={response ? t('cert.response.update') : t('cert.response.submit')} submitTestId="save-response" onCancel={onCancel} />
    </Form>
  );
}

interface DecisionValues {
  accept?: boolean;
  grade?: RatedGradeCode;
  reason?: string;
}

function DecisionForm({ assessmentId, entry, onDone, onCancel, onChanged }: { assessmentId: string; entry: FindingEntry; onDone: () => void; onCancel: () => void; onChanged: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<DecisionValues>();
  const { saving, error, save } = useResponseSave(form, onDone, onChanged);
  const { finding } = entry;
  const accept = Form.useWatch('accept', form);
  const onFinish = (values: DecisionValues) =>
    save(async () => {
      const accepted = values.accept === true;
      const saved = await certificationApi.decideResponse(assessmentId, finding.requirementId, {
        accept: accepted,
        reason: (values.reason ?? '').trim(),
        ...(accepted && values.grade ? { grade: values.grade } : {}),
      });
      return accepted ? t('cert.decision.acceptedDone', { from: t(GRADE_KEYS[finding.grade]), to: t(GRADE_KEYS[saved.grade]) }) : t('cert.decision.rejectedDone');
    });
  return (
    <Form<DecisionValues>
      form={form}
      layout="vertical"
      name={`decision-${finding.requirementId}`}
      initialValues={{ grade: suggestedGrade(finding.grade) }}
      onFinish={(v) => void onFinish(v)}
      scrollToFirstError={{ block: 'center', focus: true }}
      role="group"
      aria-label={t('cert.decision.formOf', { name: findingName(t, finding) })}
      data-testid={`decision-form-${finding.requirementId}`}
      style={{ marginTop: 8 }}
    >
      <Form.Item name="accept" label={t('cert.decision.choice')} rules={[requiredChoice(t, t('cert.decision.choice'))]}>
        <Radio.Group>
          <Space wrap>
            <Radio value={true} autoFocus data-testid="decision-accept">
              {t('cert.decision.accept')}
            </Radio>
            <Radio value={false} data-testid="decision-reject">
              {t('cert.decision.reject')}
            </Radio>
          </Space>
        </Radio.Group>
      </Form.Item>
      {accept === true && (
        <Form.Item
          name="grade"
          label={t('cert.decision.grade')}
          extra={t('cert.decision.gradeHelp', { grade: t(GRADE_KEYS[finding.grade]) })}
          rules={[requiredChoice(t, t('cert.decision.grade'))]}
        >
          <Radio.Group>
            <Space wrap>
              {GRADES_ASCENDING.map((g) => (
                <Radio key={g} value={g}>
                  {t(GRADE_KEYS[g])}
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
      )}
      <Form.Item name="reason" label={t('cert.decision.reason')} extra={<CountedHelp>{t('cert.decision.reasonHelp')}</CountedHelp>} rules={[requiredText(t, t('cert.decision.reason'))]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} showCount />
      </Form.Item>
      <FormButtons error={error} saving={saving} submitText={t('cert.decision.submit')} submitTestId="save-decision" onCancel={onCancel} />
    </Form>
  );
}

/** The response as recorded, with the decision when there is one. */
function ResponseRecord({ response }: { response: FindingResponse }) {
  const { t } = useI18n();
  const decided = response.decision !== null;
  return (
    <div data-testid="response-record">
      <p lang="zh-CN" style={{ whiteSpace: 'pre-wrap', margin: '4px 0' }}>
        {response.response}
      </p>
      {response.evidenceNote && (
        <p style={{ margin: '4px 0' }}>
          <strong>{t('cert.response.evidence')}</strong>
          {t('sd.colon')}
          <span lang="zh-CN" style={{ whiteSpace: 'pre-wrap' }}>
            {response.evidenceNote}
          </span>
        </p>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {t('cert.response.respondedAt', { at: beijingDateTime(response.respondedAt) })}
      </Typography.Text>
      {decided && (
        <div style={{ marginTop: 8 }} data-testid="response-decision">
          {response.gradeBefore && response.gradeAfter && (
            <p style={{ margin: '4px 0' }}>
              <strong>{t('cert.decision.gradeChange')}</strong>
              {t('sd.colon')}
              {response.gradeBefore === response.gradeAfter ? (
                <>
                  <GradeTag grade={response.gradeAfter} /> {t('cert.decision.unchanged')}
                </>
              ) : (
                <>
                  <span className="sr-only">{t('cert.decision.changedFromTo', { from: t(GRADE_KEYS[response.gradeBefore]), to: t(GRADE_KEYS[response.gradeAfter]) })}</span>
                  <span aria-hidden>
                    <GradeTag grade={response.gradeBefore} /> → <GradeTag grade={response.gradeAfter} />
                  </span>
                </>
              )}
            </p>
          )}
          {response.decisionReason && (
            <p style={{ margin: '4px 0' }}>
              <strong>{t('cert.decision.reason')}</strong>
              {t('sd.colon')}
              <span lang="zh-CN" style={{ whiteSpace: 'pre-wrap' }}>
                {response.decisionReason}
              </span>
            </p>
          )}
          {response.decidedAt && (
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {t('cert.decision.decidedAt', { at: beijingDateTime(response.decidedAt) })}
            </Typography.Text>
          )}
        </div>
      )}
    </div>
  );
}

/** Under one finding, once the result is shared: the response, and the form the viewer may use. */
export function FindingResponsePanel({ assessmentId, entry, role, onChanged }: { assessmentId: string; entry: FindingEntry; role: CertificationRole; onChanged: () => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<'respond' | 'decide' | null>(null);
  const respondButton = useRef<HTMLButtonElement>(null);
  const decideButton = useRef<HTMLButtonElement>(null);
  const { finding, response, state } = entry;
  const mayRespond = role.canRespond && (state === 'none' || state === 'pending');
  const mayDecide = role.canDecide && state === 'pending';
  if (!response && !mayRespond) return null;
  const close = (button: RefObject<HTMLButtonElement | null>) => {
    setOpen(null);
    window.setTimeout(() => button.current?.focus(), 0);
  };
  const saved = () => {
    setOpen(null);
    focusLater(findingElementId(finding.requirementId));
  };
  return (
    <div
      style={{ marginTop: 8, padding: '8px 12px', background: '#fafafa', borderLeft: '3px solid #d0d5dd', borderRadius: 4 }}
      data-testid={`response-${finding.requirementId}`}
      data-state={state}
    >
      {response && (
        <>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
            <Typography.Text strong>{t('cert.response.title')}</Typography.Text>
            <ResponseStateTag state={state} />
          </div>
          <ResponseRecord response={response} />
        </>
      )}
      {open === null && (mayRespond || mayDecide) && (
        <Space wrap style={{ marginTop: response ? 8 : 0 }}>
          {mayRespond && (
            <Button
              ref={respondButton}
              onClick={() => setOpen('respond')}
              aria-label={t(response ? 'cert.response.editOf' : 'cert.response.addOf', { name: findingName(t, finding), kind: t(kindKey(finding.kind)) })}
              data-testid="open-response"
            >
              {t(response ? 'cert.response.edit' : 'cert.response.add')}
            </Button>
          )}
          {mayDecide && (
            <Button
              type="primary"
              ref={decideButton}
              onClick={() => setOpen('decide')}
              aria-label={t('cert.decision.openOf', { name: findingName(t, finding) })}
              data-testid="open-decision"
            >
              {t('cert.decision.open')}
            </Button>
          )}
        </Space>
      )}
      <div>
        {open === 'respond' && <ResponseForm assessmentId={assessmentId} entry={entry} onDone={saved} onCancel={() => close(respondButton)} onChanged={onChanged} />}
        {open === 'decide' && <DecisionForm assessmentId={assessmentId} entry={entry} onDone={saved} onCancel={() => close(decideButton)} onChanged={onChanged} />}
      </div>
    </div>
  );
}
