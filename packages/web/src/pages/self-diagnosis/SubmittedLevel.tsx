// A submitted level, read only: its questions subdomain by subdomain with the answer given. Opened
// from the answering page (levels already submitted) and from the result page (every level answered).
import { Button, Drawer, Grid, Skeleton, Tag } from 'antd';
import { useState } from 'react';
import { api, type Grade } from '../../api.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { ShowOriginal } from '../../components/ModelText.tsx';
import { useI18n } from '../../i18n.tsx';
import { GRADE_KEYS, levelLabelKey } from '../../self-diagnosis/format.ts';
import { useLoad } from '../../use-load.ts';

const GRADE_COLOURS: Record<Grade, string> = { FI: 'success', LI: 'processing', PI: 'warning', NI: 'error', NA: 'default' };

function LevelAnswers({ diagnosisId, level }: { diagnosisId: string; level: number }) {
  const { t, lang } = useI18n();
  const loaded = useLoad(() => Promise.all([api.questionnaire(diagnosisId, level, lang), api.selfDiagnosis(diagnosisId)]), [diagnosisId, level, lang]);
  if (loaded.error !== undefined) return <LoadError error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <Skeleton active />;
  const [questionnaire, diagnosis] = loaded.data;
  let n = 0;
  return (
    <div className="submitted-level" data-testid={`submitted-level-${level}`}>
      {questionnaire.elements.flatMap((element) =>
        element.domains.flatMap((domain) =>
          domain.subdomains.map((sub) => (
            <section key={sub.id} className="submitted-subdomain" aria-labelledby={`submitted-${level}-${sub.id}`}>
              <h3 id={`submitted-${level}-${sub.id}`} className="submitted-subdomain-title" lang={lang}>
                {element.name} › {domain.name === sub.name ? sub.name : `${domain.name} › ${sub.name}`}
              </h3>
              <ol className="submitted-questions" start={n + 1}>
                {sub.items.map((item) => {
                  n++;
                  const grade = diagnosis.answers[item.requirement.id];
                  return (
                    <li key={item.requirement.id} data-testid={`submitted-${item.requirement.id}`}>
                      <strong lang={lang}>{item.name}</strong>
                      <p lang={lang} className="note-text">
                        {item.requirement.text}
                      </p>
                      <ShowOriginal zh={item.requirement.textZh} />
                      {grade ? <Tag color={GRADE_COLOURS[grade]}>{t(GRADE_KEYS[grade])}</Tag> : <Tag>{t('sd.unanswered')}</Tag>}
                    </li>
                  );
                })}
              </ol>
            </section>
          )),
        ),
      )}
    </div>
  );
}

/** A button that opens the answers of a submitted level, read only, in a drawer. */
export function SubmittedLevelButton({ diagnosisId, level, label }: { diagnosisId: string; level: number; label: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const narrow = Grid.useBreakpoint().md === false;
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-testid={`view-level-${level}`}>
        {label}
      </Button>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        size={narrow ? '100%' : 720}
        title={t('sd.submittedTitle', { level: t(levelLabelKey(level)) })}
        destroyOnHidden
      >
        <p className="note-meta">{t('sd.submittedNote')}</p>
        {open && <LevelAnswers diagnosisId={diagnosisId} level={level} />}
      </Drawer>
    </>
  );
}
