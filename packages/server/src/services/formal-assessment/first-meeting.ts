// 首次会议 (seed 003 §8.3.1): the lead records the date, who attended, that the formal assessment
// plan was confirmed and what was agreed; the first record starts the formal assessment.
import type { FirstMeetingInput, FormalAssessment } from '@cmmm/contract';
import type { ServiceContext } from '../../context.ts';
import { canLeadFormalAssessment, type Actor } from '../../policy.ts';
import { recordAudit } from '../audit.ts';
import { changeFormalAssessment, formalSubject } from './load-formal-assessment.ts';
import { viewFor } from './read-formal-assessments.ts';
import { nextStage } from './stage-machine.ts';

export async function recordFirstMeeting(ctx: ServiceContext, actor: Actor | null, input: { id: string } & FirstMeetingInput): Promise<FormalAssessment> {
  const done = await changeFormalAssessment(ctx, actor, input.id, canLeadFormalAssessment, async (tx, f, by) => {
    const stage = nextStage(f.row.stage, 'holdFirstMeeting');
    await tx.repos.formalRatings.saveFirstMeeting({ assessmentId: f.row.id, heldOn: input.heldOn, attendees: input.attendees, planConfirmed: input.planConfirmed, agreedItems: input.agreedItems, by: by.id, at: tx.now() });
    await recordAudit(tx, by, 'formal_assessment.first_meeting_recorded', formalSubject(f), { heldOn: input.heldOn, started: f.row.stage !== 'assessing' });
    return { stage };
  });
  return viewFor(ctx, done.actor, done.facts);
}
