// 评估工作量: seed 002's person-day standard (评估时间: 二级 8, 三级 21, 四级 26, 五级 43 人日) beside what the
// plans give; where a plan (or the team) falls short the server's flag is shown in amber.
import { ExclamationCircleFilled } from '@ant-design/icons';
import { Typography } from 'antd';
import { useI18n } from '../../i18n.tsx';
import type { FormalAssessment } from './formal-api.ts';
import { Section, WARNING_COLOUR, type SectionProps } from './parts.tsx';

type Effort = FormalAssessment['effort']['standard']['pre'];

export function EffortSection({ view }: SectionProps) {
  const { t } = useI18n();
  const { standard, planned, flags } = view.effort;
  const cells = (e: Effort | null) =>
    e ? (
      <>
        <td className="num">{e.people}</td>
        <td className="num">{e.days}</td>
        <td className="num">{e.personDays}</td>
      </>
    ) : (
      <td className="num" colSpan={3}>
        {t('fa.effort.notPlanned')}
      </td>
    );
  return (
    <Section id="effort" title={t('fa.effort.title')}>
      <Typography.Paragraph type="secondary">{t('fa.effort.intro')}</Typography.Paragraph>
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="effort-caption">
        <table className="data-table" data-testid="effort-table" style={{ fontSize: 14 }}>
          <caption id="effort-caption">{t('fa.effort.caption')}</caption>
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                {t('fa.effort.colPhase')}
              </th>
              <th scope="colgroup" colSpan={3}>
                {t('fa.effort.standard')}
              </th>
              <th scope="colgroup" colSpan={3}>
                {t('fa.effort.planned')}
              </th>
            </tr>
            <tr>
              <th scope="col" className="num">{t('fa.effort.people')}</th>
              <th scope="col" className="num">{t('fa.effort.days')}</th>
              <th scope="col" className="num">{t('fa.effort.personDays')}</th>
              <th scope="col" className="num">{t('fa.effort.people')}</th>
              <th scope="col" className="num">{t('fa.effort.days')}</th>
              <th scope="col" className="num">{t('fa.effort.personDays')}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t('fa.plan.kind.pre')}</th>
              {cells(standard.pre)}
              {cells(planned.pre)}
            </tr>
            <tr>
              <th scope="row">{t('fa.plan.kind.formal')}</th>
              {cells(standard.formal)}
              {cells(planned.formal)}
            </tr>
            <tr>
              <th scope="row">
                <strong>{t('fa.effort.total')}</strong>
              </th>
              <td colSpan={2} />
              <td className="num">
                <strong>{standard.totalPersonDays}</strong>
              </td>
              <td colSpan={2} />
              <td className="num">
                <strong>{planned.totalPersonDays}</strong>
              </td>
            </tr>
          </tbody>
        </table>
      </div>
      {flags.length > 0 ? (
        <ul data-testid="effort-flags" style={{ listStyle: 'none', padding: 0, margin: '12px 0 0' }}>
          {flags.map((f) => (
            <li key={f.code} style={{ color: WARNING_COLOUR, lineHeight: 1.8 }} data-code={f.code}>
              <ExclamationCircleFilled aria-hidden /> <span className="sr-only">{t('fa.check.warning')}</span>
              <span lang="zh-CN">{f.message}</span>
            </li>
          ))}
        </ul>
      ) : (
        <Typography.Paragraph className="section-tight" data-testid="effort-ok">
          {t('fa.effort.ok')}
        </Typography.Paragraph>
      )}
    </Section>
  );
}
