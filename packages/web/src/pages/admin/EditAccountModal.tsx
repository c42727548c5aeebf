import { Alert, Form, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { api, type AccountView, type Role, type SubPlatformView } from '../../api.ts';
import { errorMessage } from '../../errors.ts';
import { requiredChoice } from '../../form-rules.ts';
import { useI18n } from '../../i18n.tsx';
import { ALL_ROLES, roleOptions, subPlatformOptions } from './role-options.ts';

interface Values {
  role: Role;
  regionCode?: string;
}

/** 修改角色与所辖分平台. */
export function EditAccountModal({ account, subPlatforms, onClose, onSaved }: {
  account: AccountView | undefined;
  subPlatforms: readonly SubPlatformView[];
  onClose: () => void;
  onSaved: (account: AccountView) => void;
}) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch('role', form);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (account) form.setFieldsValue({ role: account.role, regionCode: account.regionCode ?? undefined });
    setError(undefined);
  }, [account, form]);

  const onFinish = async (values: Values) => {
    if (!account) return;
    setSubmitting(true);
    setError(undefined);
    try {
      const saved = await api.updateAccount(account.id, { role: values.role, regionCode: values.role === 'region_admin' ? (values.regionCode ?? null) : null });
      onSaved(saved);
    } catch (failure) {
      setError(errorMessage(failure, lang, t));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={account !== undefined}
      title={account ? t('admin.editAccount', { name: account.username }) : ''}
      okText={t('form.save')}
      cancelText={t('form.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={submitting}
      forceRender
    >
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} noValidate name="edit-account">
        <Form.Item name="role" label={t('admin.role')} rules={[requiredChoice(t, t('admin.role'))]}>
          <Select options={roleOptions(t, ALL_ROLES)} />
        </Form.Item>
        {role === 'region_admin' && (
          <Form.Item name="regionCode" label={t('admin.subPlatform')} rules={[requiredChoice(t, t('admin.subPlatform'))]}>
            <Select options={subPlatformOptions(subPlatforms)} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
        )}
        {error && <Alert type="error" showIcon role="alert" title={error} />}
      </Form>
    </Modal>
  );
}
