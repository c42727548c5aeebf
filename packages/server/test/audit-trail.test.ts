// The audit trail through the API: state changes write events (who, what, which subject, request id)
// in the same transaction; the platform admin reads them all, a region admin those of its region;
// the chain verifies, and an edited row is found.
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { adminClient, registeredClient, staffClient, testDatabases, usePlatform } from './harness.ts';

interface AuditEvent {
  id: string;
  action: string;
  actorId: string | null;
  subjectType: string;
  subjectId: string;
  regionCode: string | null;
  summary: Record<string, unknown>;
  requestId: string | null;
}

describe.each(testDatabases)('audit trail on the $name database', ({ open }) => {
  const p = usePlatform(open);

  it('records registrations, account changes and self-diagnoses, with actor and request id; region admins see their region only', async () => {
    const kunshan = await registeredClient(p, { enterprise: { regionCode: '320583' } });
    const beijing = await registeredClient(p, { enterprise: { regionCode: '110108' } });
    const created = await kunshan.client.post<{ id: string }>('/api/self-diagnoses', { enterpriseType: 'discrete', tailored: [] });
    expect(created.status).toBe(201);
    const admin = await adminClient(p);
    const staff = await staffClient(p, 'assessor');
    const locked = await admin.patch(`/api/admin/accounts/${staff.accountId}`, { locked: true });
    expect(locked.status).toBe(200);

    const all = await admin.get<{ events: AuditEvent[] }>('/api/admin/audit-events?limit=200');
    expect(all.status).toBe(200);
    const registered = all.body.events.find((e) => e.action === 'enterprise.registered' && e.subjectId === kunshan.enterpriseId);
    expect(registered).toMatchObject({ subjectType: 'enterprise', actorId: kunshan.accountId, regionCode: '320583' });
    expect(registered?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(all.body.events.find((e) => e.action === 'self_diagnosis.created' && e.subjectId === created.body.id)).toMatchObject({ actorId: kunshan.accountId, regionCode: '320583' });
    const lock = all.body.events.find((e) => e.action === 'account.updated' && e.subjectId === staff.accountId && (e.summary.after as { locked?: boolean }).locked === true);
    expect(lock?.summary.before).toMatchObject({ locked: false });
    expect(all.body.events.some((e) => e.action === 'account.password_changed' && e.subjectId === staff.accountId)).toBe(true);
    // newest first, ids strictly descending
    const ids = all.body.events.map((e) => BigInt(e.id));
    expect(ids.every((id, i) => i === 0 || id < ids[i - 1]!)).toBe(true);

    // filters: by subject, by actor; a cursor pages on
    const bySubject = await admin.get<{ events: AuditEvent[] }>(`/api/admin/audit-events?subjectType=self_diagnosis&subjectId=${created.body.id}`);
    expect(bySubject.body.events.map((e) => e.action)).toEqual(['self_diagnosis.created']);
    const byActor = await admin.get<{ events: AuditEvent[] }>(`/api/admin/audit-events?actorId=${beijing.accountId}`);
    expect(byActor.body.events.map((e) => e.action)).toEqual(['enterprise.registered']);
    const first = await admin.get<{ events: AuditEvent[]; next: string }>('/api/admin/audit-events?limit=2');
    const second = await admin.get<{ events: AuditEvent[] }>(`/api/admin/audit-events?limit=2&before=${first.body.next}`);
    expect(BigInt(second.body.events[0]!.id)).toBeLessThan(BigInt(first.body.events[1]!.id));

    const regionAdmin = await staffClient(p, 'region_admin', '320583');
    const mine = await regionAdmin.client.get<{ events: AuditEvent[] }>('/api/admin/audit-events?limit=200');
    expect(mine.body.events.length).toBeGreaterThan(0);
    expect(mine.body.events.every((e) => e.regionCode?.startsWith('320583'))).toBe(true);
    expect(mine.body.events.some((e) => e.subjectId === beijing.enterpriseId)).toBe(false);
    expect((await kunshan.client.get('/api/admin/audit-events')).status).toBe(403);
  });

  it('keeps the chain intact, and finds an edited row', async () => {
    const { verifyAuditChain } = await import('../src/repositories/audit-events.ts');
    await registeredClient(p);
    const clean = await verifyAuditChain(p.db);
    expect(clean.firstBroken).toBeNull();
    expect(clean.checked).toBeGreaterThan(0);
    const victim = await p.db.selectFrom('audit_event').select('id').orderBy('id').limit(1).executeTakeFirstOrThrow();
    await sql`update audit_event set summary = '{"name":"改过的"}'::jsonb where id = ${victim.id}`.execute(p.db);
    const broken = await verifyAuditChain(p.db);
    expect(String(broken.firstBroken?.id)).toBe(String(victim.id));
  });
});
