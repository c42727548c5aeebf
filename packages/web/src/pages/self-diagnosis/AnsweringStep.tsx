// 自诊断答题 (seed 001 §1.4–1.5): the current level, subdomain by subdomain; every choice saved at once.
import { App, Alert, Button, Grid, Modal, Progress, Result, Skeleton, Space, Steps, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, api, type Grade, type PlausibilityWarning, type Questionnaire, type SelfDiagnosis, type SubmitLevelResult } from '../../api.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { errorMessage } from '../../errors.ts';
import { TranslationNotice } from '../../components/ModelText.tsx';
import { useI18n } from '../../i18n.tsx';
import type { MessageKey } from '../../locales/zh-CN.ts';
import { AnswerQueue, readPending, rememberedSubdomain, rememberSubdomain, type QueueState } from '../../self-diagnosis/answer-queue.ts';
import { startCountdown } from '../../self-diagnosis/countdown.ts';
import { levelLabelKey, score2 } from '../../self-diagnosis/format.ts';
import { levelProgress, nextSubdomain, subdomainOf, unansweredIds } from '../../self-diagnosis/progress.ts';
import { questionnaireIndex } from '../../self-diagnosis/questionnaire-index.ts';
import { useLoad } from '../../use-load.ts';
import { levelText } from './SelfDiagnosesPage.tsx';
import { QuestionNavSelect, QuestionNavTree } from './QuestionNav.tsx';
import { RequirementQuestion } from './RequirementQuestion.tsx';
import { SaveStatus } from './SaveStatus.tsx';
import { SubmittedLevelButton } from './SubmittedLevel.tsx';

const NEXT_LEVEL_SECONDS = 3;

function guidanceText(g: Questionnaire['gradeGuidance'], lang: string): string {
  const v = lang === 'en' ? g.en : g.zh;
  return Array.isArray(v) ? v.join(' ') : v;
}

/** Keeps the answer queue for a diagnosis and mirrors its state into React. */
function useAnswerQueue(diagnosisId: string, onRejected: (id: string, error: unknown) => void) {
  const [state, setState] = useState<QueueState>(() => ({ status: 'saved', pending: Object.fromEntries(readPending(diagnosisId)) }));
  const queue = useRef<AnswerQueue | undefined>(undefined);
  const rejected = useRef(onRejected);
  rejected.current = onRejected;
  useEffect(() => {
    const q = new AnswerQueue({
      diagnosisId,
      send: (id, grade) => api.saveAnswer(diagnosisId, id, grade),
      sendAll: (answers) => api.saveAnswers(diagnosisId, answers),
      onChange: setState,
      onRejected: (id, error) => rejected.current(id, error),
    });
    queue.current = q;
    setState(q.state());
    void q.flush(); // answers left from a closed tab or a lost connection
    const online = () => q.retryNow();
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('online', online);
      q.dispose();
      if (queue.current === q) queue.current = undefined;
    };
  }, [diagnosisId]);
  return { state, queue };
}

export function AnsweringStep({ diagnosis, onLevelChanged }: { diagnosis: SelfDiagnosis; onLevelChanged: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const wide = screens.md ?? true;
  const level = diagnosis.currentLevel;
  const questionnaire = useLoad(() => api.questionnaire(diagnosis.id, level, lang), [diagnosis.id, level, lang]);
  const [answers, setAnswers] = useState<Record<string, Grade>>(() => ({ ...diagnosis.answers, ...Object.fromEntries(readPending(diagnosis.id)) }));
  const [current, setCurrent] = useState<string | undefined>(undefined);
  const [highlight, setHighlight] = useState<string | undefined>(undefined);
  const [submitting, setSubmitting] = useState(false);
  const [warnings, setWarnings] = useState<PlausibilityWarning[] | undefined>(undefined);
  const [outcome, setOutcome] = useState<SubmitLevelResult | undefined>(undefined);
  const [secondsLeft, setSecondsLeft] = useState(NEXT_LEVEL_SECONDS);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const onRejected = useCallback(
    (_id: string, error: unknown) => {
      message.error(errorMessage(error, lang, t));
    },
    [message, lang, t],
  );
  const { state: saveState, queue } = useAnswerQueue(diagnosis.id, onRejected);

  const q = questionnaire.data;
  const progress = useMemo(() => (q ? levelProgress(q, answers) : undefined), [q, answers]);

  const select = useCallback(
    (id: string, focusRequirement?: string, mark = true) => {
      setCurrent(id);
      rememberSubdomain(diagnosis.id, level, id);
      setHighlight(mark ? focusRequirement : undefined);
      requestAnimationFrame(() => {
        if (focusRequirement) {
          const el = document.getElementById(`q-${focusRequirement}`);
          el?.scrollIntoView({ block: 'center' });
          el?.querySelector<HTMLInputElement>('input[type=radio]:checked, input[type=radio]:not(:disabled)')?.focus();
        } else {
          headingRef.current?.focus();
          headingRef.current?.scrollIntoView({ block: 'nearest' });
        }
      });
    },
    [diagnosis.id, level],
  );

  // Where to start: the subdomain last shown at this level, else this level's first unanswered question
  // (a level just opened by 提交 starts there, not where the level before was left).
  useEffect(() => {
    if (!q || !progress || current) return;
    const remembered = rememberedSubdomain(diagnosis.id, level);
    if (remembered && progress.nodes.has(remembered)) {
      setCurrent(remembered);
      return;
    }
    const firstOpen = unansweredIds(q, answers)[0];
    const sub = firstOpen ? subdomainOf(q, firstOpen) : undefined;
    if (sub && firstOpen) select(sub, firstOpen, false);
    else setCurrent(progress.subdomains[0]?.id);
  }, [q, progress, current, diagnosis.id, level, answers, select]);

  const onAnswer = useCallback(
    (requirementId: string, grade: Grade) => {
      setAnswers((prev) => ({ ...prev, [requirementId]: grade }));
      queue.current?.enqueue(requirementId, grade);
    },
    [queue],
  );

  const save = async () => {
    try {
      await queue.current?.saveAll();
      if (!queue.current?.size) message.success(t('sd.saved'));
    } catch (error) {
      message.error(errorMessage(error, lang, t));
    }
  };

  const finished = useRef(false);
  const finish = useCallback(
    (result: SubmitLevelResult) => {
      if (finished.current) return;
      finished.current = true;
      if (result.nextLevel !== null && !result.completed) onLevelChanged();
      else navigate(`/self-diagnoses/${diagnosis.id}/result`);
    },
    [diagnosis.id, navigate, onLevelChanged],
  );

  // After a reached level: 3 seconds, then the next level (seed 001 §1.4).
  useEffect(() => {
    if (!outcome?.reached || outcome.completed || outcome.nextLevel === null) return;
    const countdown = startCountdown(NEXT_LEVEL_SECONDS, setSecondsLeft, () => finish(outcome));
    return () => countdown.cancel();
  }, [outcome, finish]);

  const doSubmit = async () => {
    setWarnings(undefined);
    setSubmitting(true);
    try {
      const result = await api.submitLevel(diagnosis.id);
      if (result.reached && !result.completed && result.nextLevel !== null) setOutcome(result);
      else {
        message.info(result.reached ? t('sd.reached', { level: t(levelLabelKey(result.level)) }) : t('sd.notReachedEnd', { level: t(levelLabelKey(result.level)) }));
        finish(result);
      }
    } catch (error) {
      if (error instanceof ApiError && error.code === 'MISSING_ANSWERS' && q) {
        const missing = error.issues.map((i) => i.path.split('.').pop() ?? '').find((id) => subdomainOf(q, id)) ?? unansweredIds(q, answers)[0];
        const sub = missing ? subdomainOf(q, missing) : undefined;
        if (sub) select(sub, missing);
      }
      message.error(errorMessage(error, lang, t));
    } finally {
      setSubmitting(false);
    }
  };

  const submit = async () => {
    setSubmitting(true);
    try {
      await queue.current?.flush();
      if (queue.current?.size) {
        message.error(t('sd.submitUnsaved'));
        return;
      }
      const found = await api.plausibility(diagnosis.id);
      if (found.length) {
        setWarnings(found);
        return;
      }
    } catch (error) {
      message.error(errorMessage(error, lang, t));
      return;
    } finally {
      setSubmitting(false);
    }
    await doSubmit();
  };

  if (questionnaire.error !== undefined) return <LoadError error={questionnaire.error} onRetry={questionnaire.reload} />;
  if (!q || !progress) return <Skeleton active />;

  const allAnswered = progress.level.total > 0 && progress.level.answered >= progress.level.total;
  const index = questionnaireIndex(q);
  const path = current ? index.subdomain(current) : undefined;
  const nextId = current ? nextSubdomain(progress, current) : undefined;
  const gradeGuidance = guidanceText(q.gradeGuidance, lang);
  const itemsBefore = (() => {
    let n = 0;
    for (const sub of progress.subdomains) {
      if (sub.id === current) break;
      n += sub.items.length;
    }
    return n;
  })();
  const warningMessage = (w: PlausibilityWarning) => (lang === 'en' ? t(`sd.rule.${w.rule}` as MessageKey) : w.message);
  const knownRule = (w: PlausibilityWarning) => lang !== 'en' || `sd.rule.${w.rule}` in RULE_KEYS;

  return (
    <div className="page answer-page">
      <Steps size="small" responsive={false} titlePlacement="vertical" current={1} className="sd-steps" items={[{ title: t('sd.stepSurvey') }, { title: t('sd.stepAnswer') }, { title: t('sd.stepResult') }]} />
      <div className="answer-head">
        <div>
          <Typography.Title className="answer-title">{t('sd.answerTitle', { level: levelText(t, level) })}</Typography.Title>
          {diagnosis.levels.length > 0 && (
            <Space wrap size={4} className="levels-done">
              {diagnosis.levels.map((l) => (
                <Space key={l.level} size={4}>
                  <Tag color={l.reached ? 'success' : 'default'}>{t('sd.levelDone', { level: t(levelLabelKey(l.level)), score: score2(l.score) })}</Tag>
                  <SubmittedLevelButton diagnosisId={diagnosis.id} level={l.level} label={t('sd.viewSubmitted', { level: t(levelLabelKey(l.level)) })} />
                </Space>
              ))}
            </Space>
          )}
        </div>
        <div className="answer-progress">
          <Progress
            percent={Math.round((progress.level.answered / Math.max(progress.level.total, 1)) * 100)}
            size="small"
            aria-label={t('sd.levelProgress', { answered: progress.level.answered, total: progress.level.total })}
            format={() => `${progress.level.answered}/${progress.level.total}`}
          />
          <SaveStatus state={saveState} />
        </div>
      </div>

      <TranslationNotice detail />
      <div className="answer-layout">
        {wide ? (
          <aside className="answer-aside">
            <QuestionNavTree questionnaire={q} progress={progress} current={current} onSelect={select} />
          </aside>
        ) : (
          <QuestionNavSelect questionnaire={q} progress={progress} current={current} onSelect={select} />
        )}
        <section className="answer-main" aria-labelledby="subdomain-title">
          {path && (
            <>
              <p className="answer-path" lang={lang}>
                {path.element.name} › {path.domain.name}
              </p>
              <h2 id="subdomain-title" ref={headingRef} tabIndex={-1} className="subdomain-title">
                <span lang={lang}>{path.subdomain.name}</span>
                <span className="subdomain-count">{t('sd.navProgress', { answered: progress.nodes.get(path.subdomain.id)?.answered ?? 0, total: progress.nodes.get(path.subdomain.id)?.total ?? 0 })}</span>
              </h2>
              <div className="questions">
                {path.subdomain.items.map((item, i) => (
                  <RequirementQuestion
                    key={item.requirement.id}
                    index={itemsBefore + i + 1}
                    item={item}
                    grade={answers[item.requirement.id]}
                    gradeGuidance={gradeGuidance}
                    highlighted={highlight === item.requirement.id}
                    onAnswer={onAnswer}
                  />
                ))}
              </div>
            </>
          )}
          <div className="answer-actions">
            <Button onClick={() => void save()}>{t('form.save')}</Button>
            {nextId && nextId !== current && (
              <Button type={allAnswered ? 'default' : 'primary'} onClick={() => select(nextId)}>
                {t('sd.next')}
              </Button>
            )}
            {allAnswered && (
              <Button type="primary" onClick={() => void submit()} loading={submitting} data-testid="submit-level">
                {t('sd.submit')}
              </Button>
            )}
          </div>
          {!allAnswered && <Typography.Paragraph type="secondary" className="submit-hint">{t('sd.submitHint')}</Typography.Paragraph>}
          {allAnswered && <Alert type="info" showIcon title={t('sd.submitReady', { level: t(levelLabelKey(level)) })} className="section-tight" />}
        </section>
      </div>

      <Modal
        open={!!warnings}
        title={t('sd.warningsTitle')}
        onCancel={() => setWarnings(undefined)}
        footer={[
          <Button key="back" onClick={() => setWarnings(undefined)}>
            {t('sd.warningsBack')}
          </Button>,
          <Button key="submit" type="primary" danger onClick={() => void doSubmit()} loading={submitting}>
            {t('sd.warningsSubmit')}
          </Button>,
        ]}
      >
        <p>{t('sd.warningsIntro', { count: warnings?.length ?? 0 })}</p>
        <ul className="warnings-list" data-testid="plausibility-warnings">
          {warnings?.map((w) => {
            const question = index.question(w.requirementId);
            const sub = question?.subdomain.id;
            const item = question?.item;
            return (
              <li key={w.requirementId}>
                <Button
                  type="link"
                  className="warning-link"
                  onClick={() => {
                    setWarnings(undefined);
                    if (sub) select(sub, w.requirementId);
                  }}
                >
                  <span lang={lang}>{item?.name ?? w.requirementId}</span>
                </Button>
                <span lang={knownRule(w) ? undefined : 'zh-CN'}>{knownRule(w) ? warningMessage(w) : w.message}</span>
              </li>
            );
          })}
        </ul>
      </Modal>

      <Modal open={!!outcome} closable={false} maskClosable={false} keyboard={false} footer={null} title={null}>
        {outcome && outcome.nextLevel !== null && (
          <Result
            status="success"
            title={<span data-testid="level-reached">{t('sd.congrats', { level: t(levelLabelKey(outcome.level)) })}</span>}
            subTitle={
              <span>
                {t('sd.levelScore', { score: score2(outcome.score) })}
                <br />
                <span data-testid="countdown">{t('sd.nextIn', { level: t(levelLabelKey(outcome.nextLevel)), seconds: secondsLeft })}</span>
              </span>
            }
            extra={
              <Button type="primary" autoFocus onClick={() => finish(outcome)}>
                {t('sd.goNow', { level: t(levelLabelKey(outcome.nextLevel)) })}
              </Button>
            }
          />
        )}
      </Modal>
    </div>
  );
}

const RULE_KEYS: Record<string, true> = Object.fromEntries(
  ['automatic-collection', 'networked-equipment', 'nc-equipment', 'wms', 'pdm', 'mes', 'aps', 'energy', 'any-system'].map((r) => [`sd.rule.${r}`, true]),
);
