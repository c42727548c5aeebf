// 标准培训: courses, participants and results, kept by the platform admin (seed 002: "CMMM intro 培训",
// "评估师培训", "主任评估师 & 培训讲师培训"). A pass brings an approved qualification of the grade the
// course awards, linked to the course; the grade path applies as to any other qualification.
import { COURSE_AWARDS, type CreateTrainingCourse, type RecordTrainingResult, type TrainingCourse } from '@cmmm/contract';
import type { ServiceContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { authorize, canManageTraining, canReadTraining, type Actor } from '../../policy.ts';
import { newId } from '../../security/tokens.ts';
import { recordAudit } from '../audit.ts';
import { assessorEnterprise } from './manage-assessors.ts';
import { certificateNumberRace, insertAllowedQualification } from './qualifications.ts';
import { holdsGrade, qualificationFacts, TRAINING_ISSUER, TRAINING_VALIDITY_YEARS, yearsAfter } from './qualification-rules.ts';
import { trainingCourseView, type Page } from './views.ts';

const courseNotFound = () => new AppError('NOT_FOUND', '找不到该培训');

async function courseOf(ctx: ServiceContext, id: string): Promise<TrainingCourse> {
  const row = await ctx.repos.trainings.findTrainingCourseWithTrainer(id);
  if (!row) throw courseNotFound();
  return trainingCourseView(row, await ctx.repos.trainings.participantsOf([id]));
}

export async function listTrainingCourses(ctx: ServiceContext, actor: Actor | null, input: { page: number; pageSize: number }): Promise<Page<TrainingCourse>> {
  authorize(actor, canReadTraining(actor));
  const { rows, total } = await ctx.repos.trainings.listTrainingCourses({ limit: input.pageSize, offset: (input.page - 1) * input.pageSize });
  const participants = await ctx.repos.trainings.participantsOf(rows.map((r) => r.id));
  return { items: rows.map((r) => trainingCourseView(r, participants)), total, page: input.page, pageSize: input.pageSize };
}

export async function readTrainingCourse(ctx: ServiceContext, actor: Actor | null, input: { id: string }): Promise<TrainingCourse> {
  authorize(actor, canReadTraining(actor));
  return courseOf(ctx, input.id);
}

export async function createTrainingCourse(ctx: ServiceContext, actor: Actor | null, input: CreateTrainingCourse): Promise<TrainingCourse> {
  authorize(actor, canManageTraining(actor));
  if (input.trainerId) {
    if (!(await ctx.repos.assessors.findAssessor(input.trainerId))) {
      throw new AppError('ASSESSOR_NOT_FOUND', undefined, [{ code: 'ASSESSOR_NOT_FOUND', path: 'trainerId', message: '找不到该培训讲师' }]);
    }
    const held = (await ctx.repos.assessors.qualificationsOf([input.trainerId])).map(qualificationFacts);
    if (!holdsGrade(held, ['trainer'], input.startsOn, input.endsOn)) {
      throw new AppError('TRAINER_NOT_QUALIFIED', undefined, [{ code: 'TRAINER_NOT_QUALIFIED', path: 'trainerId', message: '培训讲师须持有在培训日期内有效的培训讲师资质' }]);
    }
  }
  const id = newId();
  await ctx.transaction(async (tx) => {
    await tx.repos.trainings.insertTrainingCourse({ id, ...input, trainerId: input.trainerId ?? null });
    await recordAudit(tx, actor, 'training.created', { type: 'training', id }, {
      courseType: input.courseType,
      title: input.title,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      trainerId: input.trainerId ?? null,
    });
  });
  return courseOf(ctx, id);
}

export async function enrolParticipant(ctx: ServiceContext, actor: Actor | null, input: { courseId: string; assessorId: string }): Promise<TrainingCourse> {
  authorize(actor, canManageTraining(actor));
  await ctx.transaction(async (tx) => {
    if (!(await tx.repos.trainings.findTrainingCourse(input.courseId))) throw courseNotFound();
    const person = await tx.repos.assessors.findAssessorWithNames(input.assessorId);
    if (!person) throw new AppError('ASSESSOR_NOT_FOUND', undefined, [{ code: 'ASSESSOR_NOT_FOUND', path: 'assessorId', message: '找不到该评估人员' }]);
    // Enrolling twice changes nothing.
    if (await tx.repos.trainings.insertParticipant(input.courseId, input.assessorId)) {
      await recordAudit(tx, actor, 'training.enrolled', { type: 'training', id: input.courseId, enterprise: assessorEnterprise(person) }, { assessorId: person.id, name: person.name });
    }
  });
  return courseOf(ctx, input.courseId);
}

export async function recordTrainingResult(
  ctx: ServiceContext,
  actor: Actor | null,
  input: { courseId: string; assessorId: string; result: RecordTrainingResult },
): Promise<TrainingCourse> {
  authorize(actor, canManageTraining(actor));
  const { result } = input;
  try {
    await ctx.transaction(async (tx) => {
      const course = await tx.repos.trainings.findTrainingCourse(input.courseId);
      if (!course) throw courseNotFound();
      const participation = await tx.repos.trainings.lockParticipant(input.courseId, input.assessorId);
      if (!participation) throw new AppError('NOT_ENROLLED');
      // The certificate a pass brought is history: it is never taken back by a later result.
      if (participation.result === 'passed') throw new AppError('QUALIFICATION_DECIDED', '该学员已登记为培训合格并取得证书，结果不能再更改');
      const person = (await tx.repos.assessors.findAssessorWithNames(input.assessorId))!;
      const subject = { type: 'training' as const, id: course.id, enterprise: assessorEnterprise(person) };
      if (result.result === 'failed') {
        await tx.repos.trainings.setParticipantResult(course.id, person.id, 'failed', null);
        await recordAudit(tx, actor, 'training.result_recorded', subject, { assessorId: person.id, result: 'failed' });
        return;
      }
      if (!COURSE_AWARDS[course.course_type].includes(result.grade)) {
        throw new AppError('AWARD_NOT_FOR_COURSE', undefined, [{ code: 'AWARD_NOT_FOR_COURSE', path: 'grade', message: '该类培训不能颁发此等级的证书' }]);
      }
      const validUntil = result.validUntil ?? yearsAfter(course.ends_on, TRAINING_VALIDITY_YEARS);
      if (validUntil < course.ends_on) {
        throw new AppError('VALIDATION', '有效期至不能早于培训结束日期', [{ code: 'VALIDATION', path: 'validUntil', message: '有效期至不能早于培训结束日期' }]);
      }
      const q = await insertAllowedQualification(tx, person, {
        grade: result.grade,
        certificateNumber: result.certificateNumber,
        issuingBody: TRAINING_ISSUER,
        obtainedOn: course.ends_on,
        validUntil,
        status: 'approved',
        decidedBy: actor.id,
        trainingId: course.id,
      });
      await tx.repos.trainings.setParticipantResult(course.id, person.id, 'passed', q.id);
      await recordAudit(tx, actor, 'training.result_recorded', subject, { assessorId: person.id, result: 'passed', grade: q.grade, qualificationId: q.id, certificateNumber: q.certificate_number });
      await recordAudit(tx, actor, 'qualification.approved', { type: 'qualification', id: q.id, enterprise: assessorEnterprise(person) }, {
        assessorId: person.id,
        grade: q.grade,
        certificateNumber: q.certificate_number,
        issuingBody: q.issuing_body,
        obtainedOn: q.obtained_on,
        validUntil: q.valid_until,
        trainingId: course.id,
      });
    });
  } catch (err) {
    throw certificateNumberRace(err);
  }
  return courseOf(ctx, input.courseId);
}
