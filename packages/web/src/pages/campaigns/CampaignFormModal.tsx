// 新建 / 编辑推进活动: 名称, 地区 (the admin's region or one inside it; the platform admin also 全国; fixed once
// created), 目标企业数, 行业 (optional), 起止日期 — one form, the same rules and messages both ways.
import { DatePicker, Form, Input, InputNumber, Modal, Select, TreeSelect } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { api, type AccountView, type CampaignView, type RegionNode } from '../../api.ts';
import { notBefore, requiredChoice, requiredText } from '../../form-rules.ts';
import { useI18n } from '../../i18n.tsx';
import { loadIndustries, loadProvince, loadRegions } from '../../reference-data.ts';
import { useLoad } from '../../use-load.ts';
import { isoDate } from '../assessors/form-errors.ts';
import { FormErrorAlert, useFormSave } from '../formal-rating/form-save.tsx';

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

/** The region picker's value for a nation-wide campaign (regionCode null on the wire). */
const NATION = 'nation';

/** The regions the admin may pick: its own and those inside it (a region admin), the nation and every region (the platform admin). */
async function regionsFor(account: AccountView, lang: 'zh-CN' | 'en', nation: string): Promise<TreeOption[]> {
  if (account.role !== 'region_admin' || !account.regionCode) return [{ value: NATION, title: nation, children: [] }, ...treeOf(await loadRegions(lang))];
  const province = await loadProvince(`${account.regionCode.slice(0, 2)}0000`, lang);
  const own = findNode([province], account.regionCode);
  return own ? treeOf([own]) : [];
}

/** `campaign` undefined: a new one; a campaign: edit it (its region stays). */
export function CampaignFormModal({
  account,
  campaign,
  open,
  onClose,
  onSaved,
}: {
  account: AccountView;
  campaign?: CampaignView;
  open: boolean;
  onClose: () => void;
  onSaved: (campaign: CampaignView) => void;
}) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<Values>();
  const { saving, error, save, clearError } = useFormSave(form, FIELD_OF_CODE);
  const regions = useLoad(() => (open && !campaign ? regionsFor(account, lang, t('cp.form.nation')) : Promise.resolve([])), [open, campaign, account, lang]);
  const industries = useLoad(() => (open ? loadIndustries(lang) : Promise.resolve([])), [open, lang]);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    clearError();
    if (campaign) {
      form.setFieldsValue({ title: campaign.title, target: campaign.target, industryMajor: campaign.industryMajor ?? undefined, startsOn: dayjs(campaign.startsOn), endsOn: dayjs(campaign.endsOn) });
    }
  }, [open, campaign, form, clearError]);

  const onFinish = (values: Values) =>
    save(async () => {
      const fields = {
        title: values.title.trim(),
        target: values.target,
        industryMajor: values.industryMajor ?? null,
        startsOn: isoDate(values.startsOn),
        endsOn: isoDate(values.endsOn),
      };
      onSaved(campaign ? await api.updateCampaign(campaign.id, fields) : await api.createCampaign({ ...fields, regionCode: values.regionCode === NATION ? null : values.regionCode }));
    });

  return (
    <Modal
      open={open}
      title={campaign ? t('cp.edit') : t('cp.new')}
      okText={campaign ? t('form.save') : t('cp.form.create')}
      cancelText={t('form.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      forceRender
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        noValidate
        name={campaign ? 'campaign-edit' : 'campaign'}
        scrollToFirstError={{ focus: true }}
        initialValues={account.role === 'region_admin' && account.regionCode ? { regionCode: account.regionCode } : {}}
      >
        <Form.Item name="title" label={t('cp.form.title')} rules={[requiredText(t, t('cp.form.title')), { max: 60 }]}>
          <Input maxLength={60} autoComplete="off" />
        </Form.Item>
        {campaign ? (
          <Form.Item label={t('cp.form.region')} extra={t('cp.form.regionFixed')}>
            <span lang="zh-CN">{campaign.regionName}</span>
          </Form.Item>
        ) : (
          <Form.Item name="regionCode" label={t('cp.form.region')} extra={t(account.role === 'region_admin' ? 'cp.form.regionHelp' : 'cp.form.regionHelpPlatform')} rules={[requiredChoice(t, t('cp.form.region'))]}>
            <TreeSelect
              treeData={regions.data ?? []}
              loading={regions.loading}
              showSearch
              treeNodeFilterProp="title"
              treeDefaultExpandedKeys={account.role === 'region_admin' && account.regionCode ? [account.regionCode] : []}
            />
          </Form.Item>
        )}
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
        <FormErrorAlert error={error} />
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
