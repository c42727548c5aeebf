// Export: the answers in the `cmmm score` input format (re-scorable offline), and an Excel workbook
// with a sheet of answers (with the requirement texts) and a sheet of scores per node and level.
import { parseStoredResult } from '@cmmm/contract';
import type { AssessmentInput } from '@cmmm/model';
import { editionIndex, requireEdition } from '@cmmm/model';
import type { ServiceContext } from '../../context.ts';
import type { Actor } from '../../policy.ts';
import { readableDiagnosis } from './load-diagnosis.ts';

const GRADE_NAMES: Record<string, string> = { FI: '全部满足', LI: '大部分满足', PI: '部分满足', NI: '不满足', NA: '企业不涉及此题目' };

export async function exportAsScoreInput(ctx: ServiceContext, actor: Actor | null, { id }: { id: string }): Promise<AssessmentInput> {
  const row = await readableDiagnosis(ctx, actor, id);
  return { edition: row.edition_id, enterpriseType: row.enterprise_type, tailored: row.tailored, answers: await ctx.repos.selfDiagnoses.listAnswers(id) };
}

export async function exportAsWorkbook(ctx: ServiceContext, actor: Actor | null, { id }: { id: string }): Promise<Buffer> {
  const row = await readableDiagnosis(ctx, actor, id);
  const answers = await ctx.repos.selfDiagnoses.listAnswers(id);
  const edition = requireEdition(row.edition_id);
  // Loaded with the first export, not at start (≈ 0.3 s).
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = '智能制造能力成熟度评估平台';
  book.created = ctx.now();

  const sheet = book.addWorksheet('答案');
  sheet.columns = [
    { header: '要求编号', key: 'id', width: 14 },
    { header: '要素', key: 'element', width: 8 },
    { header: '能力域', key: 'domain', width: 10 },
    { header: '能力子域', key: 'subdomain', width: 12 },
    { header: '分项', key: 'item', width: 14 },
    { header: '等级', key: 'level', width: 6 },
    { header: '成熟度要求', key: 'text', width: 70 },
    { header: '答案', key: 'grade', width: 8 },
    { header: '满足程度', key: 'gradeName', width: 16 },
  ];
  for (const { requirement: r, item, subdomain, domain, element, level } of editionIndex(edition).requirements) {
    const grade = answers[r.id];
    if (grade) sheet.addRow({ id: r.id, element: element.name, domain: domain.name, subdomain: subdomain.name, item: item.name, level, text: r.text, grade, gradeName: GRADE_NAMES[grade] });
  }
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.getColumn('text').alignment = { wrapText: true, vertical: 'top' };

  const scores = book.addWorksheet('得分');
  scores.columns = [
    { header: '等级', key: 'level', width: 6 },
    { header: '层级', key: 'kind', width: 10 },
    { header: '编号', key: 'id', width: 8 },
    { header: '名称', key: 'name', width: 14 },
    { header: '权重', key: 'weight', width: 10 },
    { header: '得分', key: 'score', width: 10 },
  ];
  const result = row.result === null ? null : parseStoredResult(row.result);
  if (!result) {
    scores.addRow({ name: '本次自诊断尚未完成' });
  } else {
    for (const b of Object.values(result.breakdown)) {
      if (!b) continue;
      scores.addRow({ level: b.level, kind: '等级', id: '', name: b.reached ? '已达到' : '未达到', weight: 1, score: b.score });
      for (const e of b.elements) {
        scores.addRow({ level: b.level, kind: '能力要素', id: e.id, name: e.name, weight: e.weight, score: e.score });
        for (const d of e.domains) {
          scores.addRow({ level: b.level, kind: '能力域', id: d.id, name: d.name, weight: d.weight, score: d.score });
          for (const s of d.subdomains) scores.addRow({ level: b.level, kind: '能力子域', id: s.id, name: s.name, weight: s.weight, score: s.score });
        }
      }
    }
    scores.addRow({});
    scores.addRow({ kind: '总分 S', score: result.totalScore });
    scores.addRow({ kind: '成熟度等级', name: result.levelName });
  }
  scores.getRow(1).font = { bold: true };
  for (const key of ['weight', 'score']) scores.getColumn(key).numFmt = '0.0000';
  return Buffer.from(await book.xlsx.writeBuffer());
}

