// Seed 004's application views (智能车间, 智能工厂, 智慧供应链) on the result page: per view whether the
// enterprise reaches it, how many required subdomains reach each of its levels, a table of the
// subdomains, and the requirements standing between each subdomain and the levels it misses.
import { Card, Tag, Typography } from 'antd';
import type { ViewReadiness } from '../../api.ts';
import { ShowOriginal } from '../../components/ModelText.tsx';
import { useI18n } from '../../i18n.tsx';
import { levelLabelKey } from '../../self-diagnosis/format.ts';
import { capabilityText } from './CapabilityProfileSection.tsx';

function ViewCard({ view }: { view: ViewReadiness }) {
  const { t, lang } = useI18n();
  const name = view.name; // in the reader's language (the API translates it)
  const short = view.subdomains.filter((s) => s.applicable && s.levels.length > 0);
  return (
    <Card
      size="small"
      data-testid={`view-${view.id}`}
      title={
        <h3 className="card-heading">
          {name} <Tag color={view.ready ? 'success' : 'default'}>{t(view.ready ? 'views.ready' : 'views.notReady')}</Tag>
        </h3>
      }
    >
      <Typography.Paragraph lang={lang}>{view.focus}</Typography.Paragraph>
      <Typography.Paragraph>{t('views.levels', { from: t(levelLabelKey(view.levels[0]!)), to: t(levelLabelKey(view.levels.at(-1)!)) })}</Typography.Paragraph>
      <ul data-testid={`view-coverage-${view.id}`}>
        {view.coverage.map((c) => (
          <li key={c.level}>{t('views.coverage', { level: t(levelLabelKey(c.level)), reached: c.reached, of: c.of })}</li>
        ))}
      </ul>
      <table className="data-table">
        <caption>{t('views.tableCaption', { name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('views.colSubdomain')}</th>
            <th scope="col">{t('views.colCapability')}</th>
            {view.levels.map((level) => (
              <th scope="col" key={level}>
                {t('views.colReaches', { level: t(levelLabelKey(level)) })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {view.subdomains.map((s) => (
            <tr key={s.id}>
              <th scope="row">
                <span lang={lang}>{s.name}</span>
                {s.optional && t('views.optional')}
              </th>
              {s.applicable ? (
                <>
                  <td>{capabilityText(t, s.capabilityLevel)}</td>
                  {s.reaches.map((r) => (
                    <td key={r.level}>{t(r.reached ? 'views.yes' : 'views.no')}</td>
                  ))}
                </>
              ) : (
                <td colSpan={view.levels.length + 1}>{t('views.notApplicable')}</td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {short.length > 0 && (
        <details className="section-tight">
          <summary>{t('views.missingTitle', { count: short.length })}</summary>
          {short.map((s) =>
            s.levels
              .filter((l) => l.missing.length > 0)
              .map((l) => (
                <div key={`${s.id}-${l.level}`}>
                  <h4 className="roadmap-subtitle">
                    <MissingHeading subdomain={s.name} level={t(levelLabelKey(l.level))} />
                  </h4>
                  <Typography.Text type="secondary">{t(l.status === 'notEvaluated' ? 'views.status.notEvaluated' : 'views.status.notReached')}</Typography.Text>
                  <ul>
                    {l.missing.map((m) => (
                      <li key={m.requirementId}>
                        <span lang={lang}>{m.text}</span>
                        {m.grade && t('views.gradeNote', { grade: t(m.grade === 'PI' ? 'views.grade.PI' : 'views.grade.NI') })}
                        <ShowOriginal zh={m.textZh} />
                      </li>
                    ))}
                  </ul>
                </div>
              )),
          )}
        </details>
      )}
      <details>
        <summary>{t('views.notes')}</summary>
        <ul lang="zh-CN">
          {view.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      </details>
    </Card>
  );
}

/** "<subdomain> · <level>": the subdomain's name is the standard's Chinese text, marked so on an English page. */
function MissingHeading({ subdomain, level }: { subdomain: string; level: string }) {
  const { t, lang } = useI18n();
  const [before, after = ''] = t('views.missingOf', { level }).split('{subdomain}');
  return (
    <>
      {before}
      <span lang={lang}>{subdomain}</span>
      {after}
    </>
  );
}

export function ApplicationViewsSection({ views }: { views: ViewReadiness[] }) {
  const { t } = useI18n();
  if (!views.length) return null;
  return (
    <section aria-labelledby="views-title" className="section" data-testid="application-views">
      <Typography.Title level={2} id="views-title">
        {t('views.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('views.intro')}</Typography.Paragraph>
      <div className="views">
        {views.map((v) => (
          <ViewCard key={v.id} view={v} />
        ))}
      </div>
    </section>
  );
}
