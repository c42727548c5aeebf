// 新建推进活动: 名称, 地区 (the admin's region or one inside it), 目标企业数, 行业 (optional), 起止日期.
import { Alert, DatePicker, Form, Input, InputNumber, Modal, Select, TreeSelect } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { api, type AccountView, type CampaignView, type RegionNode } from '../../api.ts';
import { notBefore, requiredChoice, requiredText } from '../../form-rules.ts';
import { useI18n } from '../../i18n.tsx';
import { loadIndustries, loadProvince, loadRegions } from '../../reference-data.ts';
import { useLoad } from '../../use-load.ts';
import { isoDate, serverErrorOnForm } from '../assessors/form-errors.ts';

interface Values {
  title: string;
  regionCode: string;
  target: number;
  industryMajor?: string;
  startsOn: Dayjs;
  endsOn: Dayjs;
}

const FIELD_OF_CODE = { CAMPAIGN_REGION_FORBIDDEN: ['regionCode'], UNKNOWN_REGION: ['regionCode'] };

interface TreeOption {
  value: string;
  title: string;
  children: TreeOption[];
}
const treeOf = (nodes: readonly RegionNode[]): TreeOption[] => nodes.map((n) => ({ value: n.code, title: n.name, children: treeOf(n.children) }));

function findNode(nodes: readonly RegionNode[], code: string): RegionNode | undefined {
  for (const n of nodes) {
    if (n.code === code) return n;
    const inside = findNode(n.children, code);
    if (inside) return inside;
  }
  return undefined;
}

/** The regions the admin may pick: its own and those inside it (a region admin), every one (the platform admin). */
async function regionsFor(account: AccountView, lang: 'zh-CN' | 'en'): Promise<TreeOption[]> {
  if (account.role !== 'region_admin' || !account.regionCode) return treeOf(await loadRegions(lang));
  const province = await loadProvince(`${account.regionCode.slice(0, 2)}0000`, lang);
  const own = findNode([province], account.regionCode);
  return own ? treeOf([own]) : [];
}

export function CampaignFormModal({ account, open, onClose, onCreated }: { account: AccountView; open: boolean; onClose: () => void; onCreated: (campaign: CampaignView) => void }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<Values>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string>();
  const regions = useLoad(() => (open ? regionsFor(account, lang) : Promise.resolve([])), [open, account, lang]);
  const industries = useLoad(() => (open ? loadIndustries(lang) : Promise.resolve([])), [open, lang]);

  useEffect(() => {
    if (open) {
      form.resetFields();
      setError(undefined);
    }
  }, [open, form]);

  const onFinish = async (values: Values) => {
    setSubmitting(true);
    setError(undefined);
    try {
      onCreated(
        await api.createCampaign({
          title: values.title.trim(),
          regionCode: values.regionCode,
          target: values.target,
          industryMajor: values.industryMajor ?? null,
          startsOn: isoDate(values.startsOn),
          endsOn: isoDate(values.endsOn),
        }),
      );
    } catch (failure) {
      setError(serverErrorOnForm(form, failure, lang, t, FIELD_OF_CODE));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal open={open} title={t('cp.new')} okText={t('cp.form.create')} cancelText={t('form.cancel')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={submitting} forceRender>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        noValidate
        name="campaign"
        scrollToFirstError={{ focus: true }}
        initialValues={account.role === 'region_admin' && account.regionCode ? { regionCode: account.regionCode } : {}}
      >
        <Form.Item name="title" label={t('cp.form.title')} rules={[requiredText(t, t('cp.form.title')), { max: 60 }]}>
          <Input maxLength={60} autoComplete="off" />
        </Form.Item>
        <Form.Item name="regionCode" label={t('cp.form.region')} extra={t('cp.form.regionHelp')} rules={[requiredChoice(t, t('cp.form.region'))]}>
          <TreeSelect
            treeData={regions.data ?? []}
            loading={regions.loading}
            showSearch
            treeNodeFilterProp="title"
            treeDefaultExpandedKeys={account.role === 'region_admin' && account.regionCode ? [account.regionCode] : []}
          />
        </Form.Item>
        <Form.Item
          name="target"
          label={t('cp.form.target')}
          extra={t('cp.form.targetHelp')}
          rules={[requiredChoice(t, t('cp.form.target')), { type: 'integer', min: 1, message: t('cp.form.targetPositive') }]}
        >
          <InputNumber min={1} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="industryMajor" label={t('cp.form.industry')} extra={t('cp.form.industryHelp')}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} loading={industries.loading} options={(industries.data ?? []).map((m) => ({ value: m.code, label: `${m.code} ${m.name}` }))} />
        </Form.Item>
        <Form.Item name="startsOn" label={t('cp.form.startsOn')} rules={[requiredChoice(t, t('cp.form.startsOn'))]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="endsOn" label={t('cp.form.endsOn')} dependencies={['startsOn']} rules={[requiredChoice(t, t('cp.form.endsOn')), notBefore('startsOn', t('cp.form.endsBeforeStarts'))]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        {error && <Alert type="error" showIcon role="alert" title={error} />}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
