// Rating saves arriving together (group-commit.ts, ratings.ts): every save of one rater and of several
// raters lands, a refused save fails alone with its own code, the same rating saved twice at once keeps
// the last and audits both changes in order, and nothing acknowledged is lost (submission finds every
// rating). Every change is one audit event; the chain stays intact.
import type { AuditEvent, WorkingSheet } from '@cmmm/contract';
import { editionIndex, requireEdition } from '@cmmm/model';
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/repositories/audit-events.ts';
import { formalFixtures } from './formal-fixtures.ts';
import { testDatabases, usePlatform, type Client } from './harness.ts';

type ErrorReply = { error: { code: string } };
const MEETING = { heldOn: '2026-12-14', attendees: '评估组、企业', planConfirmed: true, agreedItems: '日程' };

describe.each(testDatabases)('rating saves arriving together on the $name database', ({ open }) => {
  const p = usePlatform(open);
  const { feasibleAssessment, put, adminOf } = formalFixtures(p);

  it('lands every save of every rater, refuses the bad ones alone, keeps the last of two and loses nothing acknowledged', async () => {
    const a = await feasibleAssessment();
    expect((await put(a.lead.client, `${a.url}/first-meeting`, MEETING)).status).toBe(200);
    const scope = (await a.lead.client.get<WorkingSheet>(`${a.url}/working-sheet`)).body.rows.map((r) => r.requirementId);
    const level4 = editionIndex(requireEdition('db12-t1073-2021')).atLevel(4)[0]!.requirement.id;
    const rate = (c: Client, id: string, grade: string) => put<ErrorReply | { requirementId: string; grade: string }>(c, `${a.url}/ratings/${id}`, { grade });

    // One burst: both raters' whole sheets, two saves of one rating, and three that must be refused.
    const [twice, ...rest] = scope;
    const burst = await Promise.all([
      ...rest.map((id) => rate(a.member.client, id, 'FI')),
      ...rest.map((id) => rate(a.lead.client, id, 'LI')),
      rate(a.member.client, twice!, 'PI'),
      rate(a.member.client, twice!, 'NI'),
      rate(a.member.client, level4, 'FI'),
      rate(a.e.client, rest[0]!, 'FI'),
      rate(a.lead.client, twice!, 'FI'),
    ]);
    const codes = burst.map((r) => (r.status === 200 ? 200 : (r.body as ErrorReply).error.code));
    expect(codes.slice(0, 2 * rest.length + 2).every((c) => c === 200)).toBe(true);
    expect(codes.slice(2 * rest.length + 2)).toEqual(['NOT_IN_SCOPE', 'FORBIDDEN', 200]);

    // Every acknowledged save is there: each rater's sheet is complete, and submission agrees.
    const mine = async (c: Client) => new Map((await c.get<WorkingSheet>(`${a.url}/working-sheet`)).body.rows.map((r) => [r.requirementId, r.myRating?.grade ?? null]));
    const member = await mine(a.member.client);
    const lead = await mine(a.lead.client);
    expect(rest.every((id) => member.get(id) === 'FI' && lead.get(id) === 'LI')).toBe(true);
    expect(lead.get(twice!)).toBe('FI');
    expect(['PI', 'NI']).toContain(member.get(twice!));
    expect((await a.member.client.post(`${a.url}/ratings/submission`)).status).toBe(200);

    // The member has submitted: in the next burst their saves are refused, the lead's land.
    const after = await Promise.all([rate(a.member.client, rest[0]!, 'LI'), rate(a.lead.client, rest[0]!, 'PI'), rate(a.member.client, rest[1]!, 'LI'), rate(a.lead.client, rest[1]!, 'PI')]);
    expect(after.map((r) => (r.status === 200 ? 200 : (r.body as ErrorReply).error.code))).toEqual(['RATINGS_SUBMITTED', 200, 'RATINGS_SUBMITTED', 200]);
    expect((await mine(a.member.client)).get(rest[0]!)).toBe('FI');

    // Every change one event; the two saves of one rating in the order they were written, the last one's grade kept.
    const admin = await adminOf();
    const events: AuditEvent[] = [];
    for (let before: string | null = ''; before !== null; ) {
      const page: { body: { events: AuditEvent[]; next: string | null } } = await admin.get(`/api/admin/audit-events?subjectType=formal_assessment&subjectId=${a.id}&limit=200${before ? `&before=${before}` : ''}`);
      events.push(...page.body.events);
      before = page.body.next;
    }
    const rated = events.filter((e) => e.action === 'formal_assessment.rated').reverse(); // oldest first
    expect(rated).toHaveLength(2 * rest.length + 3 + 2);
    const ofTwice = rated.filter((e) => e.actorId === a.member.accountId && e.summary.requirementId === twice).map((e) => [e.summary.from, e.summary.to]);
    expect(ofTwice).toHaveLength(2);
    expect(ofTwice[0]![0]).toBeNull();
    expect(ofTwice[1]![0]).toBe(ofTwice[0]![1]);
    expect(ofTwice[1]![1]).toBe(member.get(twice!));
    expect(new Set(rated.map((e) => e.requestId)).size).toBe(rated.length); // each event carries its own request
    expect((await verifyAuditChain(p.db)).firstBroken).toBeNull();
  }, 240_000);
});
