import { useI18n } from '../i18n.tsx';
import { loadMaturityLevels } from '../reference-data.ts';
import { useLoad } from '../use-load.ts';
import { LoadError } from './LoadError.tsx';
import { Loading } from './Loading.tsx';
import { TranslationNotice } from './ModelText.tsx';

/** The five levels from the model; the characteristics are the standard's Chinese text or its unofficial translation. */
export function MaturityLevels() {
  const { t, lang } = useI18n();
  const levels = useLoad(() => loadMaturityLevels(lang), [lang]);
  return (
    <section aria-labelledby="levels-title" className="section">
      <h2 id="levels-title" className="title title-2">
        {t('home.levelsTitle')}
      </h2>
      <p className="text-secondary">{t('home.levelsNote')}</p>
      <TranslationNotice />
      {levels.error !== undefined && <LoadError error={levels.error} onRetry={levels.reload} />}
      {levels.loading && !levels.data && <Loading />}
      <ol className="levels">
        {levels.data?.map((level) => (
          <li key={level.level} className={`level level-${level.level}`}>
            <div className="card">
              <div className="card-head">
                {/* Chinese readers know the standard's own names: 一级（规划级） */}
                {lang === 'zh-CN' ? `${level.label}（${level.name}）` : `${level.label} · ${level.name}`}
              </div>
              <p lang={lang} className="card-body level-text">
                {level.characteristics}
              </p>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
