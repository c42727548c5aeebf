// One question: the item and its requirement at this level, the "！" evidence guidance, the four
// grades and 企业不涉及此题目 (greyed where the part may not be tailored, with the reason in words
// beside it: a title tooltip reaches neither touch nor screen-reader users).
import { Radio } from 'antd';
import { memo } from 'react';
import type { Grade, QuestionItem } from '../../api.ts';
import { InfoTip } from '../../components/InfoTip.tsx';
import { ShowOriginal } from '../../components/ModelText.tsx';
import { useI18n } from '../../i18n.tsx';
import { GRADE_KEYS, RATED } from '../../self-diagnosis/format.ts';

interface Props {
  index: number;
  item: QuestionItem;
  grade: Grade | undefined;
  gradeGuidance: string;
  highlighted?: boolean;
  onAnswer: (requirementId: string, grade: Grade) => void;
}

export const RequirementQuestion = memo(function RequirementQuestion({ index, item, grade, gradeGuidance, highlighted, onAnswer }: Props) {
  const { t, lang } = useI18n();
  const req = item.requirement;
  const evidence = lang === 'en' ? req.guidance.en : req.guidance.zh;
  const textId = `q-text-${req.id}`;
  const naReasonId = `q-na-${req.id}`;
  return (
    <fieldset className={`question${highlighted ? ' highlighted' : ''}${grade ? ' answered' : ''}`} id={`q-${req.id}`} data-testid={`question-${req.id}`} aria-describedby={textId}>
      <legend className="question-legend">
        <span className="question-no">{index}.</span> <span lang={lang}>{item.name}</span>
        <span className="sr-only">{grade ? t('sd.answeredAs', { grade: t(GRADE_KEYS[grade]) }) : t('sd.unanswered')}</span>
      </legend>
      <div className="question-text-row">
        <div className="question-text-block">
          <p className="question-text" lang={lang} id={textId}>
            {req.text}
          </p>
          <ShowOriginal zh={req.textZh} />
        </div>
        <InfoTip label={t('sd.explain', { name: item.name })} testId={`explain-${req.id}`}>
          <span className="info-tip-title">{t('sd.evidenceTitle')}</span>
          <ul className="info-tip-list">
            {evidence.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
          <span className="info-tip-title">{t('sd.gradeGuidanceTitle')}</span>
          <span className="info-tip-grade">{gradeGuidance}</span>
        </InfoTip>
      </div>
      <Radio.Group value={grade ?? null} onChange={(e) => onAnswer(req.id, e.target.value as Grade)} className="grade-group" name={`grade-${req.id}`}>
        {RATED.map((g) => (
          <Radio key={g} value={g}>
            {t(GRADE_KEYS[g])}
          </Radio>
        ))}
        <Radio value="NA" disabled={!req.naAllowed} className="grade-na" aria-describedby={req.naAllowed ? undefined : naReasonId}>
          {t(GRADE_KEYS.NA)}
        </Radio>
      </Radio.Group>
      {!req.naAllowed && (
        <p className="na-reason" id={naReasonId} data-testid={`na-reason-${req.id}`}>
          {t('sd.naNotAllowed')}
        </p>
      )}
    </fieldset>
  );
});
