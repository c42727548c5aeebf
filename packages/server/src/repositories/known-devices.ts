// All SQL about known devices: browsers that logged in to an account successfully (their device
// cookie, hashed), which the account-wide login slow-down lets through.
import type { Db } from './db-types.ts';

export async function insertKnownDevice(db: Db, d: { tokenHash: string; accountId: string; at: Date }): Promise<void> {
  await db.insertInto('known_device').values({ token_hash: d.tokenHash, account_id: d.accountId, created_at: d.at, last_used_at: d.at }).execute();
}

/** The device, if this token belongs to this account. */
export const findKnownDevice = (db: Db, tokenHash: string, accountId: string) =>
  db.selectFrom('known_device').selectAll().where('token_hash', '=', tokenHash).where('account_id', '=', accountId).executeTakeFirst();

export async function touchKnownDevice(db: Db, tokenHash: string, at: Date): Promise<void> {
  await db.updateTable('known_device').set({ last_used_at: at }).where('token_hash', '=', tokenHash).execute();
}

/** Forgets every device of the account (e.g. after a password reset); returns how many. */
export async function deleteKnownDevicesOfAccount(db: Db, accountId: string): Promise<number> {
  const result = await db.deleteFrom('known_device').where('account_id', '=', accountId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Forgets devices not used since the given time; returns how many. */
export async function deleteKnownDevicesUnusedSince(db: Db, since: Date): Promise<number> {
  const result = await db.deleteFrom('known_device').where('last_used_at', '<', since).executeTakeFirst();
  return Number(result.numDeletedRows);
}
