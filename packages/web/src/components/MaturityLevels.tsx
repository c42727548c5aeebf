import { Card, Skeleton, Typography } from 'antd';
import { useI18n } from '../i18n.tsx';
import { loadMaturityLevels } from '../reference-data.ts';
import { useLoad } from '../use-load.ts';
import { LoadError } from './LoadError.tsx';
import { TranslationNotice } from './ModelText.tsx';


/** The five levels from the model; the characteristics are the standard's Chinese text or its unofficial translation. */
export function MaturityLevels() {
  const { t, lang } = useI18n();
  const levels = useLoad(() => loadMaturityLevels(lang), [lang]);
  return (
    <section aria-labelledby="levels-title" className="section">
      <Typography.Title level={2} id="levels-title">
        {t('home.levelsTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('home.levelsNote')}</Typography.Paragraph>
      <TranslationNotice />
      {levels.error !== undefined && <LoadError error={levels.error} onRetry={levels.reload} />}
      {levels.loading && !levels.data && <Skeleton active />}
      <ol className="levels">
        {levels.data?.map((level) => (
          <li key={level.level} className={`level level-${level.level}`}>
            <Card
              size="small"
              title={
                // Chinese readers know the standard's own names: 一级（规划级）
                lang === 'zh-CN' ? <span>{`${level.label}（${level.name}）`}</span> : <span>{`${level.label} · ${level.name}`}</span>
              }
            >
              <p lang={lang} className="level-text">
                {level.characteristics}
              </p>
            </Card>
          </li>
        ))}
      </ol>
    </section>
  );
}
