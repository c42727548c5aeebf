// seed 004 to browse (issue 11 §4): the eight high-value practice patterns with their cases (filter by
// subdomain) and the 41 level-rewarding policies (filter by issuing region and level). Pure reference data,
// in this page's chunk. Their text is Chinese in both languages (marked lang="zh-CN").
import { Card, Collapse, Empty, Radio, Select, Space, Tag, Typography } from 'antd';
import { practicePatterns, type PracticeKpi } from '@cmmm/reference/practice-patterns';
import { policies } from '@cmmm/reference/policies';
import { useMemo, useState } from 'react';
import { useI18n } from '../../i18n.tsx';
import { levelLabelKey } from '../../self-diagnosis/format.ts';

const kpiText = (k: PracticeKpi) => (k.change ? `${k.name}：${k.change}` : `${k.name}：${k.before ?? '—'} → ${k.after ?? '—'}`);

export function PracticePatternLibrary() {
  const { t, lang } = useI18n();
  const [subdomain, setSubdomain] = useState<string | undefined>();
  const subdomains = useMemo(() => [...new Set(practicePatterns.flatMap((p) => p.subdomains))].sort(), []);
  const shown = practicePatterns.filter((p) => !subdomain || p.subdomains.includes(subdomain));
  return (
    <section aria-labelledby="pub-patterns-title">
      <Typography.Title level={2} id="pub-patterns-title">
        {t('pub.patterns.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('pub.patterns.intro')}</Typography.Paragraph>
      <Space wrap className="pub-filters">
        <label htmlFor="pub-pattern-subdomain">{t('pub.patterns.subdomain')}</label>
        <Select id="pub-pattern-subdomain" allowClear style={{ minWidth: 160 }} placeholder={t('pub.all')} value={subdomain} onChange={setSubdomain} options={subdomains.map((s) => ({ value: s, label: s }))} />
      </Space>
      <Collapse
        data-testid="pub-patterns"
        items={shown.map((p) => ({
          key: p.id,
          label: (
            <span>
              <span lang="zh-CN">{p.name}</span>
              {lang === 'en' && ` · ${p.nameEn}`} <Typography.Text type="secondary">{t('pub.patterns.cases', { count: p.cases.length })}</Typography.Text>
            </span>
          ),
          children: (
            <div lang="zh-CN">
              <Typography.Paragraph>{p.summary}</Typography.Paragraph>
              <Typography.Paragraph>
                {t('pub.patterns.subdomains')}
                {p.subdomains.map((s) => (
                  <Tag key={s}>{s}</Tag>
                ))}
              </Typography.Paragraph>
              <Typography.Title level={3}>{t('pub.patterns.needs')}</Typography.Title>
              <ul>
                {p.needs.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
              <Typography.Title level={3}>{t('pub.patterns.path')}</Typography.Title>
              <ol>
                {p.path.map((step) => (
                  <li key={step}>{step}</li>
                ))}
              </ol>
              {p.cases.map((c) => (
                <Card key={c.enterprise} size="small" title={c.enterprise} className="pub-case">
                  <Typography.Paragraph>{c.summary}</Typography.Paragraph>
                  <ul>
                    {c.kpis.map((k) => (
                      <li key={k.name}>{kpiText(k)}</li>
                    ))}
                  </ul>
                </Card>
              ))}
            </div>
          ),
        }))}
      />
    </section>
  );
}

/** The issuing regions, by code: the nation first. */
const REGIONS = [...new Map(policies.map((p) => [p.regionCode, p.regionName])).entries()].sort(([a], [b]) => a.localeCompare(b));
/** A region's significant digits (320000 → 32; the nation 000000 → ''). */
const prefixOf = (code: string) => code.replace(/(00)+$/, '');

export function PolicyLibrary() {
  const { t } = useI18n();
  const [region, setRegion] = useState<string | undefined>();
  const [level, setLevel] = useState(0);
  const shown = policies.filter(
    (p) => (!region || (region === '000000' ? p.regionCode === region : p.regionCode.startsWith(prefixOf(region)))) && (!level || p.rewards.some((r) => r.levels.includes(level))),
  );
  return (
    <section aria-labelledby="pub-policies-title">
      <Typography.Title level={2} id="pub-policies-title">
        {t('pub.policies.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('pub.policies.intro', { count: policies.length })}</Typography.Paragraph>
      <Space wrap className="pub-filters">
        <label htmlFor="pub-policy-region">{t('pub.policies.region')}</label>
        <Select id="pub-policy-region" allowClear showSearch optionFilterProp="label" style={{ minWidth: 180 }} placeholder={t('pub.all')} value={region} onChange={setRegion} options={REGIONS.map(([value, label]) => ({ value, label }))} />
        <Radio.Group
          aria-label={t('pub.policies.level')}
          optionType="button"
          size="small"
          value={level}
          onChange={(e) => setLevel(e.target.value as number)}
          options={[{ value: 0, label: t('pub.all') }, ...[1, 2, 3, 4, 5].map((l) => ({ value: l, label: t(levelLabelKey(l)) }))]}
        />
      </Space>
      {shown.length ? (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="pub-policies-caption">
          <table className="data-table" data-testid="pub-policies-table">
            <caption id="pub-policies-caption">{t('pub.policies.caption', { count: shown.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('pub.policies.document')}</th>
                <th scope="col">{t('pub.policies.region')}</th>
                <th scope="col">{t('pub.policies.rewards')}</th>
              </tr>
            </thead>
            <tbody lang="zh-CN">
              {shown.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{p.document}</th>
                  <td>{p.regionName}</td>
                  <td>{p.rewards.length ? p.rewards.map((r) => <div key={r.text}>{r.text}</div>) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <Empty description={t('pub.policies.none')} />
      )}
    </section>
  );
}
