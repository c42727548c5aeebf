// One 推进活动 (issue 11 §5): progress against the target (a bar, the figures, days left), the completions by
// province (a nation-wide one), city, county and industry (every chart aria-hidden beside its table, every
// table with CSV and Excel), and the two follow-up lists with their exports. Counts below k enterprises are
// shown as such. 编辑 opens the form it was created with; 结束活动 freezes it.
import { App, Button, Card, Col, Empty, Popconfirm, Progress, Row, Select, Skeleton, Space, Statistic, Typography } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { api, type AccountView, type CampaignProgress } from '../../api.ts';
import { Chart } from '../../components/Chart.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { RequireAccount } from '../../components/RequireAccount.tsx';
import { errorMessage } from '../../errors.ts';
import { useI18n } from '../../i18n.tsx';
import { useLoad } from '../../use-load.ts';
import { barOption, cellText, DataTable, type ShownTable } from '../dashboard/tables.tsx';
import { CampaignFormModal } from './CampaignFormModal.tsx';
import { StatusTag } from './CampaignsPage.tsx';
import { FollowUpSection } from './FollowUpSection.tsx';

type Group = CampaignProgress['progress']['byCity'][number];
type Breakdown = 'province' | 'city' | 'county' | 'industry';
const HEADING = { province: 'cp.byProvince.title', city: 'cp.byCity.title', county: 'cp.byCounty.title', industry: 'cp.byIndustry.title' } as const;

/** `filter`: a control under the heading narrowing the groups (the nation's cities by province). */
function GroupSection({ campaign, by, groups, filter }: { campaign: CampaignProgress; by: Breakdown; groups: Group[]; filter?: ReactNode }) {
  const { t } = useI18n();
  const { count } = cellText(t, campaign.progress.minGroupSize);
  const heading = t(HEADING[by]);
  const table: ShownTable = {
    id: `cp-by-${by}`,
    caption: t('cp.by.caption', { group: t(`cp.by.group.${by}`) }),
    header: [t(`cp.by.group.${by}`), t('cp.by.completed')],
    numeric: [false, true],
    rows: groups.map((g) => [g.name, count(g.completed)]),
  };
  const shown = groups.filter((g) => !g.completed.suppressed);
  const option = useMemo(() => barOption(shown.map((g) => g.name), shown.map((g) => g.completed.value), true, t('cp.by.completed')), [shown, t]);
  return (
    <section aria-labelledby={`cp-by-${by}-title`}>
      <Typography.Title level={3} id={`cp-by-${by}-title`}>
        {heading}
      </Typography.Title>
      {filter}
      {groups.length ? (
        <>
          {shown.length > 0 && <Chart option={option} height={shown.length * 28 + 48} testId={`cp-by-${by}-chart`} />}
          <DataTable table={table} fileName={`${campaign.title}-${heading}`} />
        </>
      ) : (
        <Empty description={t('cp.by.none')} />
      )}
    </section>
  );
}

/** A nation-wide campaign's cities, drilled into one province at a time (or all of them). */
function CitiesByProvince({ campaign }: { campaign: CampaignProgress }) {
  const { t } = useI18n();
  const [province, setProvince] = useState<string>();
  const { byProvince, byCity } = campaign.progress;
  const cities = province === undefined ? byCity : byCity.filter((g) => g.code.startsWith(province.slice(0, 2)));
  return (
    <GroupSection
      campaign={campaign}
      by="city"
      groups={cities}
      filter={
        <Space style={{ marginBottom: 8 }}>
          <label htmlFor="cp-city-province">{t('cp.byCity.province')}</label>
          <Select
            id="cp-city-province"
            allowClear
            placeholder={t('cp.byCity.allProvinces')}
            value={province}
            onChange={setProvince}
            style={{ minWidth: 200 }}
            options={[...byProvince].sort((a, b) => a.code.localeCompare(b.code)).map((g) => ({ value: g.code, label: g.name }))}
            data-testid="cp-city-province"
          />
        </Space>
      }
    />
  );
}

function CampaignView({ campaign, account, reload }: { campaign: CampaignProgress; account: AccountView; reload: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const { progress } = campaign;
  const k = progress.minGroupSize;
  // the nation breaks down by province and city, a province by city and county, a city by county, a county not at all
  const code = campaign.regionCode;
  const level = code === null ? 'nation' : code.endsWith('0000') ? 'province' : code.endsWith('00') ? 'city' : 'county';
  const close = async () => {
    try {
      await api.closeCampaign(campaign.id);
      void message.success(t('cp.closed'));
      reload();
    } catch (error) {
      void message.error(errorMessage(error, lang, t));
    }
  };
  return (
    <>
      <Space wrap style={{ marginBottom: 8 }}>
        <StatusTag status={campaign.status} t={t} />
        <Typography.Text lang="zh-CN">{campaign.regionName}</Typography.Text>
        <Typography.Text lang={campaign.industryName ? 'zh-CN' : undefined}>{campaign.industryName ?? t('cp.allIndustries')}</Typography.Text>
        <Typography.Text>{t('cp.period', { from: campaign.startsOn, to: campaign.endsOn })}</Typography.Text>
        {campaign.status !== 'closed' && (
          <Button size="small" onClick={() => setEditing(true)} data-testid="campaign-edit">
            {t('cp.editButton')}
          </Button>
        )}
        {campaign.status !== 'closed' && (
          <Popconfirm title={t('cp.closeConfirm')} onConfirm={() => void close()} okText={t('cp.close')} cancelText={t('form.cancel')}>
            <Button danger size="small">
              {t('cp.close')}
            </Button>
          </Popconfirm>
        )}
      </Space>

      <section aria-labelledby="cp-progress-title">
        <Typography.Title level={2} id="cp-progress-title">
          {t('cp.progress.title')}
        </Typography.Title>
        <Progress percent={Math.min(100, progress.percent ?? 0)} format={() => (progress.percent === null ? '—' : `${progress.percent}%`)} aria-label={t('cp.progress.bar')} data-testid="cp-progress-bar" />
        {progress.completed.suppressed && <Typography.Paragraph type="secondary">{t('cp.progress.suppressedNote', { k })}</Typography.Paragraph>}
        <Row gutter={[16, 16]} style={{ marginTop: 8 }}>
          <Col xs={12} md={6}>
            <Card>
              <Statistic title={t('cp.progress.completed')} value={cellText(t, k).count(progress.completed)} data-testid="cp-completed" />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card>
              <Statistic title={t('cp.progress.target')} value={campaign.target} data-testid="cp-target" />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card>
              <Statistic title={t('cp.progress.percent')} value={progress.percent === null ? '—' : `${progress.percent}%`} />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card>
              <Statistic title={t('cp.progress.daysLeft')} value={progress.daysLeft} data-testid="cp-days-left" />
            </Card>
          </Col>
        </Row>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('cp.progress.method', { k })}
        </Typography.Paragraph>
      </section>

      {level === 'nation' && <GroupSection campaign={campaign} by="province" groups={progress.byProvince} />}
      {level === 'nation' && <CitiesByProvince campaign={campaign} />}
      {level === 'province' && <GroupSection campaign={campaign} by="city" groups={progress.byCity} />}
      {(level === 'province' || level === 'city') && <GroupSection campaign={campaign} by="county" groups={progress.byCounty} />}
      <GroupSection campaign={campaign} by="industry" groups={progress.byIndustry} />

      <section aria-labelledby="cp-follow-up-title">
        <Typography.Title level={2} id="cp-follow-up-title">
          {t('cp.followUp.title')}
        </Typography.Title>
        <FollowUpSection campaignId={campaign.id} kind="never" fileName={`${campaign.title}-${t('cp.followUp.never')}`} />
        <FollowUpSection campaignId={campaign.id} kind="stale" fileName={`${campaign.title}-${t('cp.followUp.stale')}`} />
      </section>
      <CampaignFormModal
        account={account}
        campaign={campaign}
        open={editing}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          void message.success(t('cp.saved'));
          reload();
        }}
      />
    </>
  );
}

function CampaignContent({ account }: { account: AccountView }) {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const { data, error, loading, reload } = useLoad(() => api.campaign(id), [id]);
  return (
    <div className="page page-wide">
      <Link to="/campaigns">{t('cp.back')}</Link>
      <Typography.Title lang="zh-CN">{data?.title ?? t('cp.title')}</Typography.Title>
      {error !== undefined && <LoadError error={error} onRetry={reload} />}
      {loading && !data ? <Skeleton active /> : data && <CampaignView campaign={data} account={account} reload={reload} />}
    </div>
  );
}

export function CampaignPage() {
  return <RequireAccount roles={['platform_admin', 'region_admin']}>{(account) => <CampaignContent account={account} />}</RequireAccount>;
}
