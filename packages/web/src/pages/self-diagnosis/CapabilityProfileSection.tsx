// 能力度等级 on the result page: a bar per domain (level 0–5) and, as its text alternative, the table of
// every domain and subdomain with its capability level and its own score at each level evaluated.
import { Card, Typography } from 'antd';
import { useMemo } from 'react';
import type { CapabilityProfileView } from '../../api.ts';
import { Chart, type ChartOption } from '../../components/Chart.tsx';
import { useI18n, type Translate } from '../../i18n.tsx';
import { levelLabelKey, score2 } from '../../self-diagnosis/format.ts';

export const capabilityText = (t: Translate, level: number): string => (level > 0 ? t(levelLabelKey(level)) : t('profile.none'));

function LevelScores({ levels }: { levels: CapabilityProfileView['domains'][number]['levels'] }) {
  const { t } = useI18n();
  return <>{levels.map((l) => t('profile.levelScore', { level: t(levelLabelKey(l.level)), score: score2(l.score), mark: t(l.reached ? 'profile.markReached' : 'profile.markNotReached') })).join(t('profile.listSep'))}</>;
}

export function CapabilityProfileSection({ profile }: { profile: CapabilityProfileView }) {
  const { t, lang } = useI18n();
  const domains = profile.domains;
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', min: 0, max: 5, interval: 1 },
      yAxis: { type: 'category', inverse: true, data: domains.map((d) => d.name), axisLabel: { width: 96, overflow: 'truncate' } },
      series: [{ type: 'bar', data: domains.map((d) => d.capabilityLevel), itemStyle: { color: '#0958d9' }, label: { show: true, position: 'right' } }],
    }),
    [domains],
  );
  const sorted = [...domains].sort((a, b) => b.capabilityLevel - a.capabilityLevel);
  const best = sorted.filter((d) => d.capabilityLevel === sorted[0]?.capabilityLevel);
  const worst = sorted.filter((d) => d.capabilityLevel === sorted.at(-1)?.capabilityLevel);
  const named = (list: typeof domains) => t('profile.named', { names: list.map((d) => d.name).join(t('profile.nameSep')), level: capabilityText(t, list[0]?.capabilityLevel ?? 0) });
  const evaluated = profile.evaluatedLevels.at(-1) ?? 0;
  return (
    <section aria-labelledby="profile-title" className="section" data-testid="capability-profile">
      <Typography.Title level={2} id="profile-title">
        {t('profile.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('profile.intro', { levels: capabilityText(t, evaluated) })}</Typography.Paragraph>
      {domains.length > 0 && (
        <Typography.Paragraph data-testid="profile-summary">
          {best.length === domains.length ? t('profile.summaryEqual', { level: capabilityText(t, domains[0]!.capabilityLevel) }) : t('profile.summary', { best: named(best), worst: named(worst) })}
        </Typography.Paragraph>
      )}
      <Card size="small" title={<h3 className="card-heading">{t('profile.chartTitle')}</h3>}>
        <Chart option={option} height={Math.max(200, domains.length * 28)} testId="profile-chart" />
        <table className="data-table" data-testid="profile-table">
          <caption>{t('profile.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('profile.colNode')}</th>
              <th scope="col">{t('profile.colLevel')}</th>
              <th scope="col">{t('profile.colScores')}</th>
            </tr>
          </thead>
          <tbody>
            {domains.flatMap((d) => [
              <tr key={d.id} data-testid={`profile-${d.id}`}>
                <th scope="row" lang={lang}>
                  {d.name}
                </th>
                <td>{capabilityText(t, d.capabilityLevel)}</td>
                <td>
                  <LevelScores levels={d.levels} />
                </td>
              </tr>,
              ...d.subdomains.map((s) => (
                <tr key={s.id} data-testid={`profile-${s.id}`}>
                  <th scope="row" lang={lang} style={{ paddingInlineStart: '2em' }}>
                    {s.name}
                  </th>
                  <td>{capabilityText(t, s.capabilityLevel)}</td>
                  <td>
                    <LevelScores levels={s.levels} />
                  </td>
                </tr>
              )),
            ])}
          </tbody>
        </table>
      </Card>
    </section>
  );
}
