import { Alert, Button, ColorPicker, Form, Input, Space } from 'antd';
import { useState, type ChangeEvent } from 'react';
import { api, ApiError, type SubPlatformView } from '../../api.ts';
import { errorMessage, issueMessage, issuesToFieldErrors, showFieldErrors } from '../../errors.ts';
import { requiredText } from '../../form-rules.ts';
import { useI18n } from '../../i18n.tsx';
import { HEX_COLOUR } from '../../theme.ts';
import { SubPlatformPreview } from './SubPlatformPreview.tsx';

interface Values {
  name: string;
  shortName: string;
  themeColor: string;
  logoSvg: string;
}

const MAX_LOGO_BYTES = 20_000;

/** 名称、简称、主题色 (with live preview and contrast check) and SVG 标志 of one sub-platform. */
export function SubPlatformEditor({ subPlatform, onSaved, onCancel }: { subPlatform: SubPlatformView; onSaved: (saved: SubPlatformView) => void; onCancel?: () => void }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<Values>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string>();
  const watched = Form.useWatch([], form) as Partial<Values> | undefined;
  const colour = watched?.themeColor ?? subPlatform.themeColor;

  const readLogoFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    void file.text().then((text) => {
      form.setFieldValue('logoSvg', text.trim());
      void form.validateFields(['logoSvg']);
    });
  };

  const onFinish = async (values: Values) => {
    setSubmitting(true);
    setError(undefined);
    try {
      const logo = values.logoSvg.trim();
      const saved = await api.updateSubPlatform(subPlatform.code, {
        name: values.name.trim(),
        shortName: values.shortName.trim(),
        themeColor: values.themeColor.toUpperCase(),
        logoSvg: logo ? logo : null,
      });
      onSaved(saved);
    } catch (failure) {
      if (failure instanceof ApiError && failure.issues.length) showFieldErrors(form, issuesToFieldErrors(failure.issues, (issue) => issueMessage(issue, lang, t)));
      else setError(errorMessage(failure, lang, t));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={onFinish}
      scrollToFirstError={{ focus: true }}
      noValidate
      name={`sub-platform-${subPlatform.code}`}
      initialValues={{ name: subPlatform.name, shortName: subPlatform.shortName, themeColor: subPlatform.themeColor, logoSvg: subPlatform.logoSvg ?? '' }}
    >
      <Form.Item name="name" label={t('admin.spName')} rules={[requiredText(t, t('admin.spName')), { max: 50 }]}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="shortName" label={t('admin.spShortName')} rules={[requiredText(t, t('admin.spShortName')), { max: 20 }]}>
        <Input maxLength={20} />
      </Form.Item>
      <Form.Item label={t('admin.spColor')} required extra={t('admin.spColorHelp')}>
        <Space.Compact>
          <Form.Item name="themeColor" noStyle rules={[{ required: true, pattern: HEX_COLOUR, message: t('admin.spColorInvalid') }]}>
            <Input maxLength={7} aria-label={t('admin.spColor')} className="colour-input" spellCheck={false} />
          </Form.Item>
          <ColorPicker
            value={HEX_COLOUR.test(colour) ? colour : undefined}
            disabledAlpha
            format="hex"
            onChangeComplete={(value) => form.setFieldValue('themeColor', value.toHexString().toUpperCase())}
            aria-label={t('admin.spColor')}
          />
        </Space.Compact>
      </Form.Item>
      <SubPlatformPreview name={watched?.name ?? subPlatform.name} shortName={watched?.shortName ?? subPlatform.shortName} themeColor={colour} logoSvg={watched?.logoSvg?.trim() ? watched.logoSvg : null} />
      <Form.Item
        name="logoSvg"
        label={t('admin.spLogo')}
        extra={t('admin.spLogoHelp')}
        rules={[
          {
            validator: async (_rule, value: unknown) => {
              const text = typeof value === 'string' ? value.trim() : '';
              if (text && (!text.startsWith('<svg') || new TextEncoder().encode(text).length > MAX_LOGO_BYTES)) throw new Error(t('admin.spLogoInvalid'));
            },
          },
        ]}
      >
        <Input.TextArea rows={4} spellCheck={false} className="mono" />
      </Form.Item>
      <Form.Item label={t('admin.spLogoFile')} htmlFor={`logo-file-${subPlatform.code}`}>
        <input id={`logo-file-${subPlatform.code}`} type="file" accept=".svg,image/svg+xml" onChange={readLogoFile} />
      </Form.Item>
      {error && <Alert type="error" showIcon role="alert" title={error} className="page-note" />}
      <Space>
        <Button type="primary" htmlType="submit" loading={submitting}>
          {t('form.save')}
        </Button>
        {onCancel && <Button onClick={onCancel}>{t('form.cancel')}</Button>}
      </Space>
    </Form>
  );
}
