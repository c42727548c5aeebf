// 正式评估 (seed 003 §8.3–8.4) of one formal assessment: the header, the steps 首次会议 → 取证与评分 →
// 组内一致意见 → 等级判定 → 沟通评估结果 → 末次会议 with a line saying what comes next for the viewer,
// then (once rated) 沟通评估结果 and the result with the enterprise's 再次论证 under each finding, then the
// first meeting, the working sheet (evidence, ratings, consensus), the domain summaries and the level.
// What the viewer may do comes from the view's actions and the working sheet (myAssessorId, the lead
// among the raters); the server decides again on every change, and every change re-loads what it
// touched. A read the server does not serve at this stage (the sheet after the final result) is said so.
import { Alert, Descriptions, Skeleton, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { AccountView } from '../../api.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { RequireAccount } from '../../components/RequireAccount.tsx';
import { useI18n, type Translate } from '../../i18n.tsx';
import type { MessageKey } from '../../locales/zh-CN.ts';
import { useLoad } from '../../use-load.ts';
import { AssessmentLoading, AssessmentTags, StageProgress, useDescriptionsLayout, Zh } from '../formal-assessment/parts.tsx';
import { certificationRoleOf, isStageRefusal, type CertificationRole } from './certification-view.ts';
import { CertificateSection } from './CertificateSection.tsx';
import { CommunicationSection } from './CommunicationSection.tsx';
import { FirstMeetingSection } from './FirstMeetingSection.tsx';
import { LevelSection } from './LevelSection.tsx';
import { ReturnNotice } from './ReturnNotice.tsx';
import { ratingApi, type FormalAssessment, type WorkingSheet } from './rating-api.ts';
import { RatingStageTag, stageKey } from './rating-parts.tsx';
import { hasResult, hasSheet, NO_FILTER, RATING_STEPS, ratingRoleOf, ratingStepOf, type RatingRole, type RatingStep, type SheetFilter } from './rating-view.ts';
import { SheetSection } from './SheetSection.tsx';
import { SummariesSection } from './SummariesSection.tsx';

const STEP_TITLES: Record<RatingStep, MessageKey> = {
  meeting: 'rating.step.meeting',
  rating: 'rating.step.rating',
  consensus: 'rating.step.consensus',
  level: 'rating.step.level',
  communicate: 'rating.step.communicate',
  final: 'rating.step.final',
};

/** What comes next, for this viewer. */
function nextText(t: Translate, view: FormalAssessment, sheet: WorkingSheet | undefined, role: RatingRole, cert: CertificationRole): string {
  switch (view.stage) {
    case 'rated':
      return t(role.canReopen || cert.canShare ? 'rating.next.ratedLead' : 'rating.next.rated');
    case 'communicating':
      return t(cert.canRespond ? 'rating.next.communicatingEnterprise' : cert.canDecide || cert.canFinalise ? 'rating.next.communicatingLead' : 'rating.next.communicating');
    case 'final':
      return t(cert.canSubmitForReview ? 'rating.next.finalLead' : 'rating.next.final');
    case 'under_review':
      return t('rating.next.underReview');
    case 'publicized':
      return t('rating.next.publicized');
    case 'certified':
      return t('rating.next.certified');
    default:
      break;
  }
  if (view.stage === 'feasible') return t(role.canRecordMeeting ? 'rating.next.meetingLead' : 'rating.next.meeting');
  if (view.stage !== 'assessing') return t('rating.next.notYet');
  if (!sheet) return t('rating.next.assessing');
  const submitted = sheet.raters.filter((r) => r.submittedAt !== null).length;
  const raters = sheet.raters.length;
  const total = sheet.rows.length;
  if (!role.allSubmitted) {
    if (role.canRate) return t('rating.next.rate');
    if (role.rater && role.submitted) return t('rating.next.waitOthers', { submitted, raters });
    return t('rating.next.rating', { submitted, raters });
  }
  if (!role.consensusComplete) return t(role.lead ? 'rating.next.consensusLead' : 'rating.next.consensus', { count: sheet.progress.consensus, total });
  return t(role.lead ? 'rating.next.levelLead' : 'rating.next.level');
}

function Header({ view, sheet, role, cert }: { view: FormalAssessment; sheet: WorkingSheet | undefined; role: RatingRole; cert: CertificationRole }) {
  const { t } = useI18n();
  const layout = useDescriptionsLayout();
  const step = ratingStepOf(view.stage, sheet);
  const lead = sheet?.raters.find((r) => r.teamRole === 'lead');
  return (
    <header>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
        <Link to={`/formal-assessments/${encodeURIComponent(view.id)}`} data-testid="back-to-assessment">
          {t('rating.back')}
        </Link>
      </Typography.Paragraph>
      <Typography.Title style={{ marginTop: 0, fontSize: 'clamp(22px, 5vw, 30px)' }}>
        {t('rating.title')}
        {t('sd.colon')}
        <Zh>{view.enterpriseName}</Zh>
      </Typography.Title>
      <AssessmentTags view={view} stageTag={<RatingStageTag stage={view.stage} />} />
      <Descriptions
        size="small"
        className="section-tight"
        layout={layout}
        column={{ xs: 1, sm: 2, md: 3 }}
        items={[
          { key: 'body', label: t('fa.col.body'), children: <Zh>{view.bodyName}</Zh> },
          { key: 'lead', label: t('rating.header.lead'), children: lead ? <Zh>{lead.name}</Zh> : view.leadName ? <Zh>{view.leadName}</Zh> : '—' },
          ...(view.assessmentType === 'custom' && view.application.customDomains.length
            ? [
                {
                  key: 'domains',
                  label: t('rating.header.domains'),
                  children: (
                    <Zh>
                      {view.application.customDomains.map((d) => t('rating.header.domainTarget', { name: d.domainName, level: d.targetCapabilityLevel })).join(t('rating.header.listSeparator'))}
                    </Zh>
                  ),
                },
              ]
            : []),
        ]}
      />
      <StageProgress
        currentText={t('rating.step.current', { stage: t(stageKey(view.stage)) })}
        current={step.current}
        status={step.status}
        titles={RATING_STEPS.map((key) => t(STEP_TITLES[key]))}
        testId="rating-steps"
        margin="16px 0 8px"
      />
      <Typography.Paragraph strong data-testid="next-step">
        {nextText(t, view, sheet, role, cert)}
      </Typography.Paragraph>
    </header>
  );
}

function WorkingSheetView({ id, account }: { id: string; account: AccountView }) {
  const { t } = useI18n();
  const loaded = useLoad(() => ratingApi.read(id), [id]);
  const stage = loaded.data?.stage;
  const withSheet = stage !== undefined && hasSheet(stage);
  const rated = stage !== undefined && hasResult(stage);
  const sheet = useLoad(() => (withSheet ? ratingApi.sheet(id) : Promise.resolve(undefined)), [id, withSheet]);
  const result = useLoad(() => (rated ? ratingApi.result(id) : Promise.resolve(undefined)), [id, rated]);
  const [filter, setFilter] = useState<SheetFilter>(NO_FILTER);
  const [focusRequest, setFocusRequest] = useState<string>();

  const reloadView = loaded.reload;
  const reloadSheet = sheet.reload;
  const reloadResult = result.reload;
  const onChanged = useCallback(() => {
    reloadView();
    reloadSheet();
    reloadResult();
  }, [reloadView, reloadSheet, reloadResult]);
  const onShowRow = useCallback((requirementId: string) => {
    setFilter(NO_FILTER);
    setFocusRequest(requirementId);
  }, []);
  const onFocused = useCallback(() => setFocusRequest(undefined), []);

  const view = loaded.data;
  if (!view) return <AssessmentLoading loaded={loaded} />;
  // An answer for another stage (the stage moved on since) is not shown.
  const data = withSheet ? sheet.data : undefined;
  const role = ratingRoleOf(view, data);
  const cert = certificationRoleOf(view, { role: account.role, lead: role.lead });
  // A server that does not serve the sheet at this stage (after the final result) answers ILLEGAL_TRANSITION: said so, not as a failure.
  const sheetClosed = sheet.error !== undefined && isStageRefusal(sheet.error);
  const level = <LevelSection view={view} sheet={data} role={role} certRole={cert} result={result} onChanged={onChanged} onShowRow={onShowRow} />;

  return (
    <div className="page page-wide" style={{ maxWidth: 1320 }} data-testid="working-sheet-page" data-stage={view.stage}>
      <Header view={view} sheet={data} role={role} cert={cert} />
      {view.stage === 'assessing' && <ReturnNotice assessmentId={view.id} />}
      {loaded.error !== undefined && <LoadError error={loaded.error} onRetry={loaded.reload} />}
      {!withSheet ? (
        <Alert type="info" showIcon className="page-note" data-testid="not-yet" title={t('rating.notYet.title')} description={t('rating.notYet.text')} />
      ) : (
        <>
          {/* Once rated, the result comes first: what happens to it now, then the result itself. */}
          {rated && <CommunicationSection view={view} result={result} role={cert} onChanged={onChanged} />}
          {rated && level}
          {view.stage === 'certified' && <CertificateSection view={view} account={account} />}
          {sheetClosed ? (
            <Alert type="info" showIcon className="page-note" data-testid="sheet-closed" title={t('rating.sheetClosed')} />
          ) : (
            <FirstMeetingSection view={view} sheet={data} role={role} onChanged={onChanged} />
          )}
          {sheetClosed ? null : sheet.error !== undefined ? (
            <div className="page-note">
              <LoadError error={sheet.error} onRetry={sheet.reload} />
            </div>
          ) : !data ? (
            <Skeleton active />
          ) : (
            <>
              <SheetSection
                view={view}
                sheet={data}
                role={role}
                filter={filter}
                onFilter={setFilter}
                focusRequest={focusRequest}
                onFocused={onFocused}
                onShowRow={onShowRow}
                onChanged={onChanged}
              />
              {view.stage !== 'feasible' && <SummariesSection assessmentId={view.id} sheet={data} role={role} onChanged={onChanged} />}
            </>
          )}
          {view.stage === 'assessing' && level}
        </>
      )}
      <div className="section-tight">
        <Link to={`/formal-assessments/${encodeURIComponent(view.id)}`}>{t('rating.back')}</Link>
      </div>
    </div>
  );
}

export function WorkingSheetPage() {
  const { id = '' } = useParams();
  return <RequireAccount>{(account) => <WorkingSheetView key={`${id}-${account.id}`} id={id} account={account} />}</RequireAccount>;
}
