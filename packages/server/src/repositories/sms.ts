// All SQL about SMS verification codes and the development outbox.
import type { Db } from './db-types.ts';

export async function insertSmsCode(db: Db, c: { id: string; mobile: string; codeHash: string; expiresAt: Date }): Promise<void> {
  await db.insertInto('sms_code').values({ id: c.id, mobile: c.mobile, purpose: 'password_reset', code_hash: c.codeHash, expires_at: c.expiresAt }).execute();
}

/** The newest unused, unexpired code for a mobile. */
export const findLiveSmsCode = (db: Db, mobile: string, now: Date) =>
  db
    .selectFrom('sms_code')
    .selectAll()
    .where('mobile', '=', mobile)
    .where('purpose', '=', 'password_reset')
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();

export async function recordSmsAttempt(db: Db, id: string): Promise<void> {
  await db.updateTable('sms_code').set((eb) => ({ attempts: eb('attempts', '+', 1) })).where('id', '=', id).execute();
}

export async function markSmsCodeUsed(db: Db, id: string, now: Date): Promise<void> {
  await db.updateTable('sms_code').set({ used_at: now }).where('id', '=', id).execute();
}

export async function insertOutboxMessage(db: Db, m: { id: string; mobile: string; body: string }): Promise<void> {
  await db.insertInto('sms_outbox').values(m).execute();
}

export const listOutbox = (db: Db, limit: number) =>
  db.selectFrom('sms_outbox').selectAll().orderBy('created_at', 'desc').limit(limit).execute();
