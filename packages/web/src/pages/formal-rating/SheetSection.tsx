// 评估工作表 (seed 003 §8.3.2–8.3.3): every requirement in scope, grouped by level and domain, with the
// enterprise's own claim, the evidence, the viewer's own rating (saved as chosen), the others' ratings
// once shown, the spread with 分歧, and the 组内一致意见. Raters submit their ratings once; the lead
// records the consensus after every rater has submitted. A table from md up, cards on a phone.
import { CheckCircleOutlined, LoadingOutlined, PaperClipOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Empty, Grid, Input, Progress, Radio, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { memo, useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError } from '../../api.ts';
import { errorMessage } from '../../errors.ts';
import { useI18n } from '../../i18n.tsx';
import { beijingDateTime, GRADE_KEYS } from '../../self-diagnosis/format.ts';
import { levelText } from '../self-diagnosis/SelfDiagnosesPage.tsx';
import { useAction, Zh } from '../formal-assessment/parts.tsx';
import { ConsensusModal } from './ConsensusModal.tsx';
import { EvidenceDrawer } from './EvidenceDrawer.tsx';
import { ratingApi, type FormalAssessment, type RatedGradeCode, type SheetRow, type WorkingSheet } from './rating-api.ts';
import { claimText, DisagreementTag, focusRow, GradeTag, kindKey, RatingSection, RefusalAlert, teamRoleText, useReturnFocus } from './rating-parts.tsx';
import {
  filterRows,
  FINDING_KIND_OF,
  findingRequired,
  GRADE_SCORE,
  GRADES_ASCENDING,
  groupRows,
  domainsOf,
  hasResult,
  isFiltered,
  levelsOf,
  NO_FILTER,
  seesOthers,
  type RatingRole,
  type SheetFilter,
} from './rating-view.ts';
import { useRatingSaver, type RatingSaver, type RowSaveState } from './use-rating-saver.ts';

const SHEET_HEADING = 'sheet-title';

export interface SheetSectionProps {
  view: FormalAssessment;
  sheet: WorkingSheet;
  role: RatingRole;
  filter: SheetFilter;
  onFilter: (filter: SheetFilter) => void;
  /** A row to bring into view and focus once rendered (from an issue's 定位). */
  focusRequest: string | undefined;
  onFocused: () => void;
  onShowRow: (requirementId: string) => void;
  onChanged: () => void;
}

// ---- cells

function RequirementCell({ row }: { row: SheetRow }) {
  return (
    <div style={{ minWidth: 0 }}>
      <div style={{ fontWeight: 600 }}>
        <Zh>{row.itemName}</Zh>
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        <Zh>{row.subdomainName}</Zh> · <span className="mono">{row.requirementId}</span>
      </Typography.Text>
      <p lang="zh-CN" style={{ margin: '4px 0 0', lineHeight: 1.7 }}>
        {row.text}
      </p>
    </div>
  );
}

function SaveMark({ state, onRetry, name }: { state: RowSaveState | undefined; onRetry: () => void; name: string }) {
  const { t, lang } = useI18n();
  if (!state) return null;
  if (state.status === 'saving')
    return (
      <span className="save-status saving" data-testid="rating-save" data-status="saving">
        <LoadingOutlined aria-hidden /> {t('sd.saving')}
      </span>
    );
  if (state.status === 'saved')
    return (
      <span className="save-status saved" data-testid="rating-save" data-status="saved">
        <CheckCircleOutlined aria-hidden /> {t('sd.saved')}
      </span>
    );
  return (
    <span className="save-status error" data-testid="rating-save" data-status="error" style={{ display: 'inline', whiteSpace: 'normal' }}>
      <WarningOutlined aria-hidden /> {t('rating.my.notSaved')}
      <span lang={lang}>{errorMessage(state.error, lang, t)}</span>{' '}
      <Button size="small" type="link" onClick={onRetry} aria-label={t('rating.my.retryOf', { name })} style={{ padding: 0, height: 'auto' }}>
        {t('app.retry')}
      </Button>
    </span>
  );
}

interface MyRatingProps {
  row: SheetRow;
  editable: boolean;
  grade: RatedGradeCode | undefined;
  note: string | undefined;
  state: RowSaveState | undefined;
  saver: RatingSaver;
}

/** 我的评分: four labelled choices with their scores, saved as chosen, and an optional note. */
const MyRating = memo(function MyRating({ row, editable, grade, note, state, saver }: MyRatingProps) {
  const { t } = useI18n();
  const [noteOpen, setNoteOpen] = useState(false);
  const [draft, setDraft] = useState(note ?? '');
  if (!editable) return grade ? <GradeTag grade={grade} testId="my-grade" /> : <Typography.Text type="secondary">{t('rating.my.none')}</Typography.Text>;
  const saveNote = () => {
    const text = draft.trim();
    if (grade && text !== (note ?? '')) saver.save(row.requirementId, { grade, note: text || undefined });
  };
  return (
    <div data-testid={`my-rating-${row.requirementId}`}>
      <Radio.Group
        vertical
        aria-label={t('rating.my.groupLabel', { name: row.itemName })}
        name={`my-${row.requirementId}`}
        value={grade ?? null}
        onChange={(e) => saver.save(row.requirementId, { grade: e.target.value as RatedGradeCode, note: note || undefined })}
      >
        {GRADES_ASCENDING.map((g) => (
          <Radio key={g} value={g} style={{ whiteSpace: 'nowrap' }}>
            {t(GRADE_KEYS[g])}{' '}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('rating.codeScore', { code: g, score: GRADE_SCORE[g] })}
            </Typography.Text>
          </Radio>
        ))}
      </Radio.Group>
      <div>
        <SaveMark state={state} name={row.itemName} onRetry={() => saver.retry(row.requirementId)} />
      </div>
      {grade && (
        <>
          <Button type="link" size="small" style={{ padding: 0 }} aria-expanded={noteOpen} onClick={() => setNoteOpen((o) => !o)} aria-label={t('rating.my.noteOf', { name: row.itemName })}>
            {note ? t('rating.my.noteEdit') : t('rating.my.noteAdd')}
          </Button>
          {noteOpen && (
            <Input.TextArea
              aria-label={t('rating.my.noteOf', { name: row.itemName })}
              value={draft}
              maxLength={2000}
              autoSize={{ minRows: 2, maxRows: 6 }}
              onChange={(e) => setDraft(e.target.value)}
              onBlur={saveNote}
            />
          )}
          {!noteOpen && note && (
            <Typography.Paragraph type="secondary" lang="zh-CN" style={{ fontSize: 12, margin: 0, whiteSpace: 'pre-wrap' }}>
              {note}
            </Typography.Paragraph>
          )}
        </>
      )}
    </div>
  );
});

function TeamRatings({ row, sheet }: { row: SheetRow; sheet: WorkingSheet }) {
  const { t } = useI18n();
  if (row.ratings.length === 0)
    return <Typography.Text type="secondary">{seesOthers(sheet) ? t('rating.others.none') : t('rating.others.afterSubmit')}</Typography.Text>;
  return (
    <div data-testid={`team-ratings-${row.requirementId}`}>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {row.ratings.map((r) => (
          <li key={r.assessorId} style={{ marginBottom: 2 }}>
            <Zh>{r.assessorName}</Zh>
            {r.assessorId === sheet.myAssessorId && t('rating.others.me')}
            {t('sd.colon')}
            <GradeTag grade={r.grade} />
            {r.note && (
              <Typography.Text type="secondary" lang="zh-CN" style={{ display: 'block', fontSize: 12, whiteSpace: 'pre-wrap' }}>
                {r.note}
              </Typography.Text>
            )}
          </li>
        ))}
      </ul>
      {row.disagreement ? (
        <DisagreementTag spread={row.spread} />
      ) : (
        row.ratings.length > 1 &&
        row.spread !== null && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.spread === 0 ? t('rating.others.same') : t('rating.others.spread', { steps: row.spread })}
          </Typography.Text>
        )
      )}
    </div>
  );
}

function ConsensusCell({ row, canEdit, onEdit }: { row: SheetRow; canEdit: boolean; onEdit: (row: SheetRow) => void }) {
  const { t } = useI18n();
  const c = row.consensus;
  return (
    <div data-testid={`consensus-${row.requirementId}`}>
      {c ? (
        <>
          <GradeTag grade={c.grade} testId="consensus-grade" />
          <Typography.Paragraph lang="zh-CN" style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>
            {c.note}
          </Typography.Paragraph>
          {c.finding && (
            <Typography.Paragraph style={{ margin: '4px 0 0' }}>
              <strong>{t('rating.consensus.findingOf', { kind: t(kindKey(FINDING_KIND_OF[c.grade])) })}</strong>
              {t('sd.colon')}
              <span lang="zh-CN" style={{ whiteSpace: 'pre-wrap' }}>
                {c.finding}
              </span>
            </Typography.Paragraph>
          )}
          {findingRequired(c.grade) && !c.finding && (
            <Typography.Text type="danger" style={{ display: 'block' }}>
              <WarningOutlined aria-hidden /> {t('rating.consensus.findingMissing')}
            </Typography.Text>
          )}
        </>
      ) : (
        <Typography.Text type="secondary">{t('rating.consensus.none')}</Typography.Text>
      )}
      {canEdit && (
        <div style={{ marginTop: 4 }}>
          <Button size="small" onClick={() => onEdit(row)} aria-label={t(c ? 'rating.consensus.editOf' : 'rating.consensus.recordOf', { name: row.itemName })}>
            {t(c ? 'rating.consensus.edit' : 'rating.consensus.record')}
          </Button>
        </div>
      )}
    </div>
  );
}

function EvidenceCell({ row, onOpen }: { row: SheetRow; onOpen: (row: SheetRow) => void }) {
  const { t } = useI18n();
  return (
    <Button size="small" icon={<PaperClipOutlined aria-hidden />} onClick={() => onOpen(row)} aria-label={t('rating.evidence.openOf', { name: row.itemName, count: row.evidenceCount })} data-testid={`evidence-${row.requirementId}`}>
      {t('rating.evidence.count', { count: row.evidenceCount })}
    </Button>
  );
}

// ---- the raters' progress

function RatersProgress({ sheet }: { sheet: WorkingSheet }) {
  const { t } = useI18n();
  const total = sheet.rows.length;
  const showCounts = seesOthers(sheet);
  if (!sheet.raters.length) return <Typography.Paragraph type="secondary">{t('rating.raters.none')}</Typography.Paragraph>;
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="raters-caption">
      <table className="data-table" data-testid="raters">
        <caption id="raters-caption">{t('rating.raters.caption', { submitted: sheet.raters.filter((r) => r.submittedAt).length, total: sheet.raters.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('rating.raters.name')}</th>
            <th scope="col">{t('rating.raters.role')}</th>
            <th scope="col" className="num">
              {t('rating.raters.rated')}
            </th>
            <th scope="col">{t('rating.raters.status')}</th>
          </tr>
        </thead>
        <tbody>
          {sheet.raters.map((r) => {
            const mine = r.assessorId === sheet.myAssessorId;
            return (
              <tr key={r.assessorId} data-testid={`rater-${r.assessorId}`}>
                <th scope="row">
                  <Zh>{r.name}</Zh>
                  {mine && t('rating.others.me')}
                </th>
                <td>{teamRoleText(t, r.teamRole)}</td>
                <td className="num">{showCounts || mine || r.rated > 0 ? t('rating.raters.ratedOf', { rated: r.rated, total }) : '—'}</td>
                <td>
                  {r.submittedAt ? (
                    <span style={{ color: '#237804' }}>
                      <CheckCircleOutlined aria-hidden /> {t('rating.raters.submittedAt', { at: beijingDateTime(r.submittedAt) })}
                    </span>
                  ) : (
                    t('rating.raters.notSubmitted')
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

// ---- filters

function Filters({
  sheet,
  filter,
  onFilter,
  shown,
  raterOpen,
  columns,
}: {
  sheet: WorkingSheet;
  filter: SheetFilter;
  onFilter: (f: SheetFilter) => void;
  shown: number;
  raterOpen: boolean;
  columns: { team: boolean; consensus: boolean };
}) {
  const { t } = useI18n();
  const levels = levelsOf(sheet.rows);
  const domains = domainsOf(sheet.rows);
  return (
    <div role="group" aria-label={t('rating.filter.label')} className="toolbar" data-testid="sheet-filters" style={{ alignItems: 'center' }}>
      <Select<number | 'all'>
        aria-label={t('rating.filter.level')}
        className="toolbar-select"
        value={filter.level ?? 'all'}
        onChange={(v) => onFilter({ ...filter, level: v === 'all' ? null : v })}
        options={[{ value: 'all' as const, label: t('rating.filter.allLevels') }, ...levels.map((l) => ({ value: l, label: levelText(t, l) }))]}
      />
      <Select<string>
        aria-label={t('rating.filter.domain')}
        className="toolbar-select"
        value={filter.domainId ?? ''}
        onChange={(v) => onFilter({ ...filter, domainId: v || null })}
        options={[{ value: '', label: t('rating.filter.allDomains') }, ...domains.map((d) => ({ value: d.id, label: <Zh>{d.name}</Zh> }))]}
      />
      {columns.team && (
        <Checkbox checked={filter.disagreement} onChange={(e) => onFilter({ ...filter, disagreement: e.target.checked })} data-testid="filter-disagreement">
          {t('rating.filter.disagreement')}
        </Checkbox>
      )}
      {columns.consensus && (
        <Checkbox checked={filter.noConsensus} onChange={(e) => onFilter({ ...filter, noConsensus: e.target.checked })} data-testid="filter-no-consensus">
          {t('rating.filter.noConsensus')}
        </Checkbox>
      )}
      {raterOpen && (
        <Checkbox checked={filter.unrated} onChange={(e) => onFilter({ ...filter, unrated: e.target.checked })} data-testid="filter-unrated">
          {t('rating.filter.unrated')}
        </Checkbox>
      )}
      {isFiltered(filter) && <Button onClick={() => onFilter(NO_FILTER)}>{t('rating.filter.clear')}</Button>}
      <span role="status" aria-live="polite" style={{ marginLeft: 'auto' }} data-testid="sheet-count">
        {t('rating.filter.shown', { shown, total: sheet.rows.length })}
      </span>
    </div>
  );
}

// ---- the sheet

export function SheetSection({ view, sheet, role, filter, onFilter, focusRequest, onFocused, onShowRow, onChanged }: SheetSectionProps) {
  const { t, lang } = useI18n();
  const { message, modal } = App.useApp();
  const screens = Grid.useBreakpoint();
  const cards = screens.md === false;
  const [announcement, setAnnouncement] = useState('');
  const [evidenceRow, setEvidenceRow] = useState<SheetRow>();
  const [consensusRow, setConsensusRow] = useState<SheetRow>();
  const evidenceFocus = useReturnFocus(SHEET_HEADING);
  const consensusFocus = useReturnFocus(SHEET_HEADING);
  const submit = useAction(onChanged);

  const names = useMemo(() => new Map(sheet.rows.map((r) => [r.requirementId, r.itemName])), [sheet.rows]);
  const onSaved = useCallback(
    (requirementId: string, error?: unknown) => {
      const name = names.get(requirementId) ?? requirementId;
      setAnnouncement(error === undefined ? t('rating.my.savedOf', { name }) : t('rating.my.notSavedOf', { name, message: errorMessage(error, lang, t) }));
    },
    [names, t, lang],
  );
  const saver = useRatingSaver(view.id, onSaved, onChanged);
  const gradeOf = useCallback((row: SheetRow): RatedGradeCode | undefined => saver.local[row.requirementId]?.grade ?? row.myRating?.grade, [saver.local]);
  const noteOf = (row: SheetRow): string | undefined => {
    const local = saver.local[row.requirementId];
    return local ? local.note : (row.myRating?.note ?? undefined);
  };

  const rows = useMemo(() => filterRows(sheet.rows, filter, gradeOf), [sheet.rows, filter, gradeOf]);
  const groups = useMemo(() => groupRows(rows), [rows]);
  const rated = sheet.rows.filter((r) => gradeOf(r) !== undefined).length;
  const total = sheet.rows.length;

  useEffect(() => {
    if (focusRequest && focusRow(focusRequest)) onFocused();
  }, [focusRequest, onFocused, groups]);

  const openEvidence = useCallback(
    (row: SheetRow) => {
      evidenceFocus.remember();
      setEvidenceRow(row);
    },
    [evidenceFocus],
  );
  const openConsensus = useCallback(
    (row: SheetRow) => {
      consensusFocus.remember();
      setConsensusRow(row);
    },
    [consensusFocus],
  );

  const confirmSubmit = () => {
    if (saver.unsettled()) {
      void message.warning(t('rating.submit.unsettled'));
      return;
    }
    if (rated < total) {
      void message.warning(t('rating.submit.incomplete', { count: total - rated }));
      onFilter({ ...NO_FILTER, unrated: true });
      return;
    }
    modal.confirm({
      title: t('rating.submit.confirmTitle'),
      content: t('rating.submit.confirmText', { total }),
      okText: t('rating.submit.button'),
      cancelText: t('form.cancel'),
      onOk: () =>
        submit.run('submit', () => ratingApi.submitRatings(view.id)).then((done) => {
          if (done) void message.success(t('rating.submit.done'));
        }),
    });
  };

  const editable = role.canRate;
  const showMine = sheet.myAssessorId !== null;
  // The server shows individual ratings to the raters and the scheme's staff, and the consensus to the
  // team, the staff, and everyone once rated: columns nobody may fill for this viewer are left out.
  const showTeam = showMine || sheet.rows.some((r) => r.ratings.length > 0);
  const showConsensus = showMine || hasResult(view.stage) || sheet.rows.some((r) => r.consensus !== null);

  const columns: ColumnsType<SheetRow> = [
    { title: t('rating.col.requirement'), key: 'requirement', render: (_, row) => <RequirementCell row={row} />, width: '34%' },
    { title: t('rating.col.self'), key: 'self', render: (_, row) => claimText(t, row.selfClaim), width: 120 },
    { title: t('rating.col.evidence'), key: 'evidence', render: (_, row) => <EvidenceCell row={row} onOpen={openEvidence} />, width: 104 },
  ];
  if (showMine)
    columns.push({
      title: t('rating.col.mine'),
      key: 'mine',
      width: 170,
      render: (_, row) => <MyRating row={row} editable={editable} grade={gradeOf(row)} note={noteOf(row)} state={saver.states[row.requirementId]} saver={saver} />,
    });
  if (showTeam) columns.push({ title: t('rating.col.team'), key: 'team', render: (_, row) => <TeamRatings row={row} sheet={sheet} />, width: 180 });
  if (showConsensus) columns.push({ title: t('rating.col.consensus'), key: 'consensus', render: (_, row) => <ConsensusCell row={row} canEdit={role.canRecordConsensus} onEdit={openConsensus} /> });

  const renderCards = (list: SheetRow[]) => (
    <ol style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 12 }}>
      {list.map((row) => (
        <li key={row.requirementId} id={`row-${row.requirementId}`} tabIndex={-1} data-testid={`row-${row.requirementId}`} style={{ border: '1px solid #e5e8ef', borderRadius: 8, padding: 12, background: '#fff' }}>
          <RequirementCell row={row} />
          <dl style={{ margin: '8px 0 0', display: 'grid', gridTemplateColumns: 'minmax(5em, auto) minmax(0, 1fr)', gap: '8px 12px' }}>
            <dt style={{ color: 'rgba(0,0,0,0.65)' }}>{t('rating.col.self')}</dt>
            <dd style={{ margin: 0 }}>{claimText(t, row.selfClaim)}</dd>
            <dt style={{ color: 'rgba(0,0,0,0.65)' }}>{t('rating.col.evidence')}</dt>
            <dd style={{ margin: 0 }}>
              <EvidenceCell row={row} onOpen={openEvidence} />
            </dd>
            {showMine && (
              <>
                <dt style={{ color: 'rgba(0,0,0,0.65)' }}>{t('rating.col.mine')}</dt>
                <dd style={{ margin: 0 }}>
                  <MyRating row={row} editable={editable} grade={gradeOf(row)} note={noteOf(row)} state={saver.states[row.requirementId]} saver={saver} />
                </dd>
              </>
            )}
            {showTeam && (
              <>
                <dt style={{ color: 'rgba(0,0,0,0.65)' }}>{t('rating.col.team')}</dt>
                <dd style={{ margin: 0 }}>
                  <TeamRatings row={row} sheet={sheet} />
                </dd>
              </>
            )}
            {showConsensus && (
              <>
                <dt style={{ color: 'rgba(0,0,0,0.65)' }}>{t('rating.col.consensus')}</dt>
                <dd style={{ margin: 0 }}>
                  <ConsensusCell row={row} canEdit={role.canRecordConsensus} onEdit={openConsensus} />
                </dd>
              </>
            )}
          </dl>
        </li>
      ))}
    </ol>
  );

  return (
    <RatingSection id="sheet" title={t('rating.sheet.title')}>
      <Typography.Paragraph type="secondary">{t('rating.sheet.intro')}</Typography.Paragraph>
      <Space wrap size={[24, 8]} className="page-note" data-testid="sheet-progress">
        <span>{t('rating.progress.total', { total })}</span>
        <span>{t('rating.progress.withEvidence', { count: sheet.progress.withEvidence, total })}</span>
        {showTeam && <span>{t('rating.progress.disagreements', { count: sheet.progress.disagreements })}</span>}
        {showConsensus && <span>{t('rating.progress.consensus', { count: sheet.progress.consensus, total })}</span>}
      </Space>

      <Typography.Title level={3} style={{ fontSize: 16 }}>
        {t('rating.raters.title')}
      </Typography.Title>
      <RatersProgress sheet={sheet} />

      {view.stage === 'feasible' && <Alert type="info" showIcon className="section-tight" title={t('rating.sheet.beforeMeeting')} />}
      {showMine && role.submitted && sheet.mySubmittedAt && (
        <Alert type="success" showIcon className="section-tight" data-testid="my-submitted" title={t('rating.submit.submittedAt', { at: beijingDateTime(sheet.mySubmittedAt) })} />
      )}
      {role.lead && view.stage === 'assessing' && !role.allSubmitted && (
        <Alert type="info" showIcon className="section-tight" title={t('rating.consensus.waiting')} />
      )}

      <div className="section-tight">
        <Filters sheet={sheet} filter={filter} onFilter={onFilter} shown={rows.length} raterOpen={editable} columns={{ team: showTeam, consensus: showConsensus }} />
      </div>
      <span className="sr-only" role="status" aria-live="polite">
        {announcement}
      </span>

      {rows.length === 0 ? (
        <Empty description={t(isFiltered(filter) ? 'rating.sheet.noneFiltered' : 'rating.sheet.none')} />
      ) : (
        groups.map((group) => (
          <div key={group.level} data-testid={`level-${group.level}`}>
            <Typography.Title level={3} style={{ fontSize: 17, marginTop: 16 }}>
              {levelText(t, group.level)}
            </Typography.Title>
            {group.domains.map((domain) => (
              <div key={domain.domainId} data-testid={`group-${group.level}-${domain.domainId}`} style={{ marginBottom: 16 }}>
                <Typography.Title level={4} style={{ fontSize: 15 }}>
                  <Zh>{domain.domainName}</Zh>{' '}
                  <Typography.Text type="secondary" style={{ fontSize: 13, fontWeight: 'normal' }}>
                    {t('rating.sheet.groupCount', { count: domain.rows.length })}
                  </Typography.Text>
                </Typography.Title>
                {cards ? (
                  renderCards(domain.rows)
                ) : (
                  <Table<SheetRow>
                    rowKey="requirementId"
                    columns={columns}
                    dataSource={domain.rows}
                    pagination={false}
                    size="small"
                    bordered
                    tableLayout="fixed"
                    scroll={{ x: 960 }}
                    caption={<span className="sr-only">{t('rating.sheet.caption', { level: levelText(t, group.level), domain: domain.domainName })}</span>}
                    onRow={(row) => ({ id: `row-${row.requirementId}`, tabIndex: -1 })}
                  />
                )}
              </div>
            ))}
          </div>
        ))
      )}

      {editable && (
        <div className="answer-actions" data-testid="submit-bar" style={{ alignItems: 'center' }}>
          <div style={{ minWidth: 200, flex: '1 1 200px' }}>
            <span id="my-progress-label">{t('rating.submit.progress', { rated, total })}</span>
            <Progress percent={total ? Math.round((rated / total) * 100) : 0} size="small" aria-labelledby="my-progress-label" />
          </div>
          <Button type="primary" onClick={confirmSubmit} loading={submit.busy === 'submit'} data-testid="submit-ratings">
            {t('rating.submit.button')}
          </Button>
        </div>
      )}
      <RefusalAlert error={submit.error} rows={sheet.rows} onShowRow={onShowRow} testId="submit-error" />

      <EvidenceDrawer
        assessmentId={view.id}
        row={evidenceRow}
        canAdd={role.canAddEvidence}
        onClose={() => setEvidenceRow(undefined)}
        afterClose={evidenceFocus.restore}
        onChanged={onChanged}
      />
      <ConsensusModal
        assessmentId={view.id}
        row={consensusRow}
        onClose={() => setConsensusRow(undefined)}
        afterClose={consensusFocus.restore}
        onSaved={() => {
          setConsensusRow(undefined);
          void message.success(t('rating.consensus.saved'));
          onChanged();
        }}
        onRefused={(error) => {
          if (error instanceof ApiError && (error.code === 'RATERS_PENDING' || error.code === 'ILLEGAL_TRANSITION')) onChanged();
        }}
      />
    </RatingSection>
  );
}
