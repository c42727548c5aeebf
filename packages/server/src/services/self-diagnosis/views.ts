// Rows → the self-diagnosis views of the contract.
import type { SelfDiagnosis, SelfDiagnosisStatus, SelfDiagnosisSummary, Survey } from '@cmmm/contract';
import type { AssessmentLevelRow, Grade } from '@cmmm/db';
import { levelName, requireEdition } from '@cmmm/model';
import type { SelfDiagnosisRow } from '../../repositories/self-diagnoses.ts';

const STATUS: Record<SelfDiagnosisRow['status'], SelfDiagnosisStatus> = { draft: 'survey', answering: 'answering', completed: 'completed' };

export function summaryOf(row: SelfDiagnosisRow, validResultId: string | null): SelfDiagnosisSummary {
  return {
    id: row.id,
    status: STATUS[row.status],
    editionId: row.edition_id,
    enterpriseType: row.enterprise_type,
    tailored: row.tailored,
    currentLevel: row.current_level,
    level: row.level,
    levelName: row.level === null ? null : levelName(requireEdition(row.edition_id), row.level),
    totalScore: row.total_score,
    createdAt: row.created_at.toISOString(),
    completedAt: row.completed_at?.toISOString() ?? null,
    reportNumber: row.report_number,
    isValidResult: row.id === validResultId,
  };
}

export function detailOf(
  row: SelfDiagnosisRow,
  validResultId: string | null,
  answers: Record<string, Grade>,
  levels: readonly AssessmentLevelRow[],
): SelfDiagnosis {
  return {
    ...summaryOf(row, validResultId),
    survey: (row.survey as Survey | null) ?? null,
    answers,
    levels: levels.map((l) => ({ level: l.level, score: l.score, reached: l.reached, submittedAt: l.submitted_at.toISOString() })),
  };
}

/** The latest completed one: the enterprise's valid result for statistics (seed 001 §2.1). */
export function validResultIdOf(rows: readonly SelfDiagnosisRow[]): string | null {
  const completed = rows.filter((r) => r.status === 'completed' && r.completed_at);
  completed.sort((a, b) => b.completed_at!.getTime() - a.completed_at!.getTime());
  return completed[0]?.id ?? null;
}
