// 信息查询 · 获证企业 (no login): the certificates recorded or issued on the platform and the enterprises
// published in CESI's 2022 practice report, searched by name or credit code, filtered by region, level,
// industry, assessment body and year, paged; the level distribution of the same selection as a chart
// with its numbers as a table; and a lookup by certificate number.
import { Alert, Button, Card, Cascader, Descriptions, Input, Select, Skeleton, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { lazy, Suspense, useMemo, useState } from 'react';
import type { IndustryMajorView, RegionNode } from '../../api.ts';
import { ApiError } from '../../api.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useI18n, type Translate } from '../../i18n.tsx';
import { loadIndustries, loadRegions } from '../../reference-data.ts';
import { levelLabelKey } from '../../self-diagnosis/format.ts';
import { useLoad } from '../../use-load.ts';
import { assessorsApi } from '../assessors/assessors-api.ts';
import { usePaging } from '../assessors/paging.ts';
import { registryApi, type RegistryEntry, type RegistryFilter } from './registry-api.ts';

// The chart (echarts) is loaded only when the distribution is shown.
const LevelDistribution = lazy(() => import('./LevelDistribution.tsx').then((m) => ({ default: m.LevelDistribution })));

const LEVELS = [1, 2, 3, 4, 5] as const;
/** Years offered by the year filter: this year back to the first certificates of the model (GB/T 39116-2020). */
const FIRST_YEAR = 2020;

interface Option {
  value: string;
  label: string;
  children?: Option[];
}

/** 省 → 地级市 (the placeholders of municipalities and 省直辖县级行政区划 left out: choose the province). */
const regionOptions = (regions: readonly RegionNode[]): Option[] =>
  regions.map((province) => {
    const cities = province.children.filter((c) => !c.placeholder && !c.statisticalOnly);
    return { value: province.code, label: province.name, ...(cities.length ? { children: cities.map((c) => ({ value: c.code, label: c.name })) } : {}) };
  });

const industryOptions = (majors: readonly IndustryMajorView[]): Option[] =>
  majors.map((major) => ({
    value: major.code,
    label: `${major.code} ${major.name}`,
    children: major.middles.map((middle) => ({ value: middle.code, label: `${middle.code} ${middle.name}` })),
  }));

const matches = (input: string, path: Option[]) => path.some((option) => option.label.toLowerCase().includes(input.trim().toLowerCase()));
const zh = (text: string | null) => <span lang="zh-CN">{text || '—'}</span>;

/** A status the client does not know yet (a later one of the server's) is shown by its code. */
export function statusTag(entry: Pick<RegistryEntry, 'status' | 'source'>, t: Translate) {
  switch (entry.status) {
    case 'valid':
      return <Tag color="success">{t('registry.status.valid')}</Tag>;
    case 'expired':
      return <Tag>{t('registry.status.expired')}</Tag>;
    case 'suspended':
      return <Tag color="warning">{t('registry.status.suspended')}</Tag>;
    case 'revoked':
      return <Tag color="error">{t('registry.status.revoked')}</Tag>;
    case 'superseded':
      return <Tag>{t('registry.status.superseded')}</Tag>;
    case 'published':
      return <Tag color="processing">{entry.source === 'practice_report_2022' ? t('registry.status.published2022') : t('registry.status.published')}</Tag>;
    default:
      return <Tag>{String(entry.status)}</Tag>;
  }
}


/** The level, or for a 自定义评估 (no level) "自定义评估" with each domain's capability level. */
function entryLevel(e: RegistryEntry, t: Translate) {
  if (e.level !== null) return t(levelLabelKey(e.level));
  const domains = (e.capability ?? []).map((d) => t('registry.customDomain', { name: d.name, level: t(levelLabelKey(d.level)) }));
  return (
    <span data-testid="registry-custom-level">
      {t('registry.custom')}
      {domains.length > 0 && <span lang="zh-CN">{`：${domains.join('、')}`}</span>}
    </span>
  );
}

function CertificateLookup() {
  const { t } = useI18n();
  const [number, setNumber] = useState('');
  const [state, setState] = useState<{ loading: boolean; entry?: RegistryEntry; notFound?: boolean; error?: unknown }>({ loading: false });
  const lookUp = async (value: string) => {
    const trimmed = value.trim();
    setNumber(trimmed);
    if (!trimmed) return setState({ loading: false });
    setState({ loading: true });
    try {
      setState({ loading: false, entry: await registryApi.certificate(trimmed) });
    } catch (error) {
      setState(error instanceof ApiError && error.status === 404 ? { loading: false, notFound: true } : { loading: false, error });
    }
  };
  return (
    <section aria-labelledby="certificate-lookup-title" className="section">
      <Typography.Title level={3} id="certificate-lookup-title">
        {t('registry.lookup.title')}
      </Typography.Title>
      <div className="toolbar" role="search" aria-label={t('registry.lookup.label')}>
        <Input.Search
          placeholder={t('registry.lookup.placeholder')}
          aria-label={t('registry.lookup.label')}
          allowClear
          enterButton={t('registry.lookup.button')}
          loading={state.loading}
          onSearch={lookUp}
          maxLength={40}
          className="toolbar-search"
          style={{ width: 360 }}
        />
      </div>
      <div aria-live="polite" data-testid="certificate-lookup-result">
        {state.error !== undefined && <LoadError error={state.error} onRetry={() => void lookUp(number)} />}
        {state.notFound && <Alert type="warning" showIcon title={t('registry.lookup.notFound', { number })} description={t('registry.lookup.notFoundHelp')} />}
        {state.entry && (
          <Card size="small">
            <Descriptions column={{ xs: 1, md: 2 }} size="small">
              <Descriptions.Item label={t('registry.col.certificateNumber')}>
                <span className="mono">{state.entry.certificateNumber}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('registry.col.status')}>{statusTag(state.entry, t)}</Descriptions.Item>
              <Descriptions.Item label={t('registry.col.enterprise')}>{zh(state.entry.enterpriseName)}</Descriptions.Item>
              <Descriptions.Item label={t('registry.col.creditCode')}>
                <span className="mono">{state.entry.creditCode ?? '—'}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('registry.col.level')}>{entryLevel(state.entry, t)}</Descriptions.Item>
              <Descriptions.Item label={t('registry.col.region')}>{zh(state.entry.regionName)}</Descriptions.Item>
              <Descriptions.Item label={t('registry.col.issuedOn')}>{state.entry.issuedOn ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('registry.col.validUntil')}>{state.entry.validUntil ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('registry.col.body')}>{zh(state.entry.bodyName)}</Descriptions.Item>
              <Descriptions.Item label={t('registry.col.scope')}>{zh(state.entry.scope)}</Descriptions.Item>
            </Descriptions>
          </Card>
        )}
      </div>
    </section>
  );
}

export function CertifiedEnterprisesTab() {
  const { t, lang } = useI18n();
  const [filter, setFilter] = useState<RegistryFilter>({});
  const [showChart, setShowChart] = useState(true);
  const paging = usePaging();
  const { page, pageSize } = paging;
  const change = (patch: Partial<RegistryFilter>) => {
    setFilter((current) => ({ ...current, ...patch }));
    paging.restart();
  };

  const regions = useLoad(() => loadRegions(lang), [lang]);
  const industries = useLoad(() => loadIndustries(lang), [lang]);
  const bodies = useLoad(() => assessorsApi.directoryBodies({ page: 1, pageSize: 100 }), []);
  const list = useLoad(() => registryApi.certified({ ...filter, page, pageSize }), [filter, page, pageSize]);
  const distribution = useLoad(() => registryApi.distribution(filter), [filter]);

  const regionChoices = useMemo(() => regionOptions(regions.data ?? []), [regions.data]);
  const industryChoices = useMemo(() => industryOptions(industries.data ?? []), [industries.data]);
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: Math.max(thisYear, 2022) - FIRST_YEAR + 1 }, (_, i) => Math.max(thisYear, 2022) - i);
  const filtered = Object.values(filter).some((v) => v !== undefined && v !== '');

  const columns: ColumnsType<RegistryEntry> = [
    {
      title: t('registry.col.enterprise'),
      key: 'enterprise',
      render: (_, e) => (
        <>
          <div lang="zh-CN">{e.enterpriseName}</div>
          {e.creditCode && (
            <Typography.Text type="secondary" className="mono">
              {e.creditCode}
            </Typography.Text>
          )}
        </>
      ),
    },
    { title: t('registry.col.region'), dataIndex: 'regionName', key: 'region', render: zh },
    { title: t('registry.col.level'), key: 'level', render: (_, e) => entryLevel(e, t) },
    { title: t('registry.col.status'), key: 'status', render: (_, e) => statusTag(e, t) },
    { title: t('registry.col.scope'), dataIndex: 'scope', key: 'scope', render: (scope: string) => <div lang="zh-CN" className="registry-scope" style={{ minWidth: 220, maxWidth: 420 }}>{scope}</div> },
    {
      title: t('registry.col.certificateNumber'),
      dataIndex: 'certificateNumber',
      key: 'certificateNumber',
      render: (n: string | null) => (n ? <span className="mono">{n}</span> : '—'),
    },
    {
      title: t('registry.col.validity'),
      key: 'validity',
      render: (_, e) => (e.issuedOn ? t('registry.validity', { from: e.issuedOn, to: e.validUntil ?? '—' }) : t('registry.publishedYear', { year: e.year })),
    },
    { title: t('registry.col.body'), dataIndex: 'bodyName', key: 'body', responsive: ['md'], render: zh },
    { title: t('registry.col.industry'), dataIndex: 'industryName', key: 'industry', responsive: ['lg'], render: zh },
  ];

  return (
    <>
      <Typography.Paragraph className="intro">{t('registry.intro')}</Typography.Paragraph>
      <div className="toolbar" role="search" aria-label={t('registry.searchLabel')}>
        <Input.Search
          placeholder={t('registry.searchPlaceholder')}
          aria-label={t('registry.searchLabel')}
          allowClear
          maxLength={64}
          enterButton={t('registry.search')}
          onSearch={(value) => change({ q: value.trim() || undefined })}
          className="toolbar-search"
          style={{ width: 360 }}
        />
        <Cascader<Option>
          aria-label={t('registry.filter.region')}
          options={regionChoices}
          placeholder={t('registry.filter.region')}
          changeOnSelect
          showSearch={{ filter: matches }}
          expandTrigger="hover"
          loading={regions.loading}
          onChange={(path) => change({ province: (path?.[0] as string | undefined) ?? undefined, city: (path?.[1] as string | undefined) ?? undefined })}
          className="toolbar-select"
          popupClassName="cascader-popup"
        />
        <Select<number | 'all'>
          aria-label={t('registry.filter.level')}
          value={filter.level ?? 'all'}
          onChange={(value) => change({ level: value === 'all' ? undefined : value })}
          options={[{ value: 'all', label: t('registry.filter.allLevels') }, ...LEVELS.map((l) => ({ value: l, label: t(levelLabelKey(l)) }))]}
          className="toolbar-select"
          popupMatchSelectWidth={false}
        />
        <Cascader<Option>
          aria-label={t('registry.filter.industry')}
          options={industryChoices}
          placeholder={t('registry.filter.industry')}
          changeOnSelect
          showSearch={{ filter: matches }}
          expandTrigger="hover"
          loading={industries.loading}
          onChange={(path) => change({ industry: (path?.at(-1) as string | undefined) ?? undefined })}
          className="toolbar-select"
          popupClassName="cascader-popup"
        />
        <Select<string>
          aria-label={t('registry.filter.body')}
          placeholder={t('registry.filter.body')}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          loading={bodies.loading}
          value={filter.bodyId}
          onChange={(value) => change({ bodyId: value || undefined })}
          options={(bodies.data?.items ?? []).map((b) => ({ value: b.id, label: b.name }))}
          className="toolbar-select"
          popupMatchSelectWidth={false}
        />
        <Select<number | 'all'>
          aria-label={t('registry.filter.year')}
          value={filter.year ?? 'all'}
          onChange={(value) => change({ year: value === 'all' ? undefined : value })}
          options={[{ value: 'all', label: t('registry.filter.allYears') }, ...years.map((y) => ({ value: y, label: t('registry.filter.yearOption', { year: y }) }))]}
          className="toolbar-select"
          popupMatchSelectWidth={false}
        />
      </div>
      <Typography.Paragraph type="secondary">{t('registry.filterNote')}</Typography.Paragraph>

      <section aria-labelledby="registry-distribution-title" className="section">
        <div style={{ display: 'flex', alignItems: 'baseline', gap: 8 }}>
          <Typography.Title level={3} id="registry-distribution-title">
            {t('registry.dist.title')}
          </Typography.Title>
          <Button type="link" onClick={() => setShowChart((v) => !v)} aria-expanded={showChart} aria-controls="registry-distribution">
            {showChart ? t('registry.dist.hide') : t('registry.dist.show')}
          </Button>
        </div>
        <div id="registry-distribution" hidden={!showChart}>
          {distribution.error !== undefined && <LoadError error={distribution.error} onRetry={distribution.reload} />}
          {showChart && distribution.data && (
            <Suspense fallback={<Skeleton active />}>
              <LevelDistribution distribution={distribution.data} />
            </Suspense>
          )}
        </div>
      </section>

      {list.error !== undefined && <LoadError error={list.error} onRetry={list.reload} />}
      <Table<RegistryEntry>
        rowKey="id"
        caption={<span className="sr-only">{t('registry.caption', { total: list.data?.total ?? 0 })}</span>}
        columns={columns}
        dataSource={list.data?.items}
        loading={list.loading}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: filtered ? t('registry.noMatch') : t('registry.empty') }}
        pagination={paging.pagination(list.data?.total)}
        data-testid="registry-certified"
      />

      <CertificateLookup />
    </>
  );
}
