// 登记 / 不予登记 a pending qualification (the platform admin): approving asks once, rejecting needs a reason.
import { Alert, App, Button, Form, Input, Modal, Space } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../errors.ts';
import { requiredText } from '../../form-rules.ts';
import { useI18n } from '../../i18n.tsx';
import { gradeKey } from './assessor-rules.ts';
import { assessorsApi, type Qualification } from './assessors-api.ts';
import { serverErrorOnForm } from './form-errors.ts';
import { Named } from './Named.tsx';

export function DecisionButtons({ qualification, name, onDecided }: { qualification: Qualification; name: string; onDecided: () => void }) {
  const { t, lang } = useI18n();
  const { message, modal } = App.useApp();
  const [rejecting, setRejecting] = useState(false);
  const what = `${name} ${t(gradeKey(qualification.grade))} ${qualification.certificateNumber}`;

  const approve = () =>
    modal.confirm({
      title: t('as.approveTitle'),
      content: <Named text={(who) => t('as.approveConfirm', { name: who, grade: t(gradeKey(qualification.grade)), number: qualification.certificateNumber })} name={name} />,
      okText: t('as.approve'),
      cancelText: t('form.cancel'),
      onOk: () =>
        assessorsApi.decideQualification(qualification.id, { approve: true }).then(
          () => {
            message.success(t('as.approved'));
            onDecided();
          },
          (error: unknown) => {
            message.error(errorMessage(error, lang, t));
            onDecided(); // QUALIFICATION_DECIDED: someone else was quicker; show what is true now
          },
        ),
    });

  return (
    <>
      <Space size={8} wrap style={{ marginTop: 4 }}>
        <Button size="small" type="primary" onClick={approve} aria-label={`${t('as.approve')} ${what}`}>
          {t('as.approve')}
        </Button>
        <Button size="small" danger onClick={() => setRejecting(true)} aria-label={`${t('as.reject')} ${what}`}>
          {t('as.reject')}
        </Button>
      </Space>
      <RejectModal
        qualification={rejecting ? qualification : undefined}
        onClose={() => setRejecting(false)}
        onRejected={() => {
          setRejecting(false);
          message.success(t('as.rejected'));
          onDecided();
        }}
      />
    </>
  );
}

function RejectModal({ qualification, onClose, onRejected }: { qualification: Qualification | undefined; onClose: () => void; onRejected: () => void }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (qualification) form.resetFields();
    setError(undefined);
  }, [qualification, form]);

  const onFinish = async ({ reason }: { reason: string }) => {
    if (!qualification) return;
    setSubmitting(true);
    setError(undefined);
    try {
      await assessorsApi.decideQualification(qualification.id, { approve: false, reason: reason.trim() });
      onRejected();
    } catch (failure) {
      setError(serverErrorOnForm(form, failure, lang, t));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={qualification !== undefined}
      title={t('as.rejectTitle')}
      okText={t('as.reject')}
      okButtonProps={{ danger: true }}
      cancelText={t('form.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={submitting}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={onFinish} noValidate name="reject-qualification">
        <Form.Item name="reason" label={t('as.rejectReason')} rules={[requiredText(t, t('as.rejectReason')), { max: 200 }]} extra={t('as.rejectReasonHelp')}>
          <Input.TextArea rows={3} maxLength={200} showCount />
        </Form.Item>
        {error && <Alert type="error" showIcon role="alert" title={error} />}
      </Form>
    </Modal>
  );
}
