import { Alert, Button, Modal, Typography } from 'antd';
import { useI18n } from '../../i18n.tsx';

/** Shows a one-time password once, with a copy button. */
export function OneTimePasswordModal({ issued, onClose }: { issued: { name: string; password: string } | undefined; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Modal
      open={issued !== undefined}
      title={t('admin.otpTitle')}
      onCancel={onClose}
      footer={<Button type="primary" onClick={onClose}>{t('form.close')}</Button>}
      destroyOnHidden
    >
      {issued && (
        <>
          <Typography.Paragraph>
            <Typography.Text
              code
              className="otp"
              data-testid="one-time-password"
              copyable={{ text: issued.password, tooltips: [t('admin.copy'), t('admin.copied')] }}
            >
              {issued.password}
            </Typography.Text>
          </Typography.Paragraph>
          <Alert type="warning" showIcon title={t('admin.otpNote', { name: issued.name })} />
        </>
      )}
    </Modal>
  );
}
