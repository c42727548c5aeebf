import { Alert, Form, Input, Radio } from 'antd';
import { useI18n } from '../../i18n.tsx';
import { requiredChoice, requiredText } from '../../form-rules.ts';
import type { LegalForm } from './register-values.ts';

/** 组织类型: 独立法人, or 非独立法人 (分公司 / 事业部 / 车间·工厂) with its legal entity's name. */
export function OrganisationTypeFields() {
  const { t } = useI18n();
  const legalForm = Form.useWatch<LegalForm | undefined>(['enterprise', 'legalForm']);
  const orgLabel = t('register.organisationType');
  const unitLabel = t('register.unitKind');
  const parentLabel = t('register.parentName');
  return (
    <>
      <Form.Item name={['enterprise', 'legalForm']} label={orgLabel} rules={[requiredChoice(t, orgLabel)]}>
        <Radio.Group
          options={[
            { value: 'independent', label: t('register.independent') },
            { value: 'nonIndependent', label: t('register.nonIndependent') },
          ]}
        />
      </Form.Item>
      {legalForm === 'nonIndependent' && (
        <>
          <Alert type="info" showIcon className="field-note" title={t('register.creditCodeHelp')} />
          <Form.Item name={['enterprise', 'unitKind']} label={unitLabel} rules={[requiredChoice(t, unitLabel)]}>
            <Radio.Group
              options={[
                { value: 'branch', label: t('register.branch') },
                { value: 'division', label: t('register.division') },
                { value: 'plant', label: t('register.plant') },
              ]}
            />
          </Form.Item>
          <Form.Item name={['enterprise', 'parentName']} label={parentLabel} rules={[requiredText(t, parentLabel), { max: 100 }]}>
            <Input maxLength={100} autoComplete="organization" />
          </Form.Item>
        </>
      )}
    </>
  );
}
