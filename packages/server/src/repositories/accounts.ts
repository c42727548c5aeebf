// All SQL about accounts.
import type { Role } from '@cmmm/contract';
import type { Db } from './db-types.ts';

export const findAccountByUsername = (db: Db, username: string) =>
  db.selectFrom('account').selectAll().where('username', '=', username).executeTakeFirst();

export const findAccountById = (db: Db, id: string) => db.selectFrom('account').selectAll().where('id', '=', id).executeTakeFirst();

export const findAccountsByMobile = (db: Db, mobile: string) =>
  db.selectFrom('account').selectAll().where('mobile', '=', mobile).orderBy('created_at').execute();

export const findAccountsOfEnterprise = (db: Db, enterpriseId: string) =>
  db.selectFrom('account').selectAll().where('enterprise_id', '=', enterpriseId).orderBy('created_at').execute();

export interface NewAccount {
  id: string;
  username: string;
  passwordHash: string;
  displayName: string;
  mobile: string | null;
  role: Role;
  enterpriseId?: string | null;
  regionCode?: string | null;
  /** agency_admin and assessors: their 评估机构. */
  bodyId?: string | null;
  mustChangePassword?: boolean;
  isDemo?: boolean;
}

export async function insertAccount(db: Db, a: NewAccount): Promise<void> {
  await db.insertInto('account').values(accountValues(a)).execute();
}

/** Inserts unless the username is taken (by a concurrent insert too); whether it was inserted. */
export async function insertAccountUnlessTaken(db: Db, a: NewAccount): Promise<boolean> {
  const result = await db.insertInto('account').values(accountValues(a)).onConflict((oc) => oc.column('username').doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

const accountValues = (a: NewAccount) => ({
  id: a.id,
  username: a.username,
  password_hash: a.passwordHash,
  display_name: a.displayName,
  mobile: a.mobile,
  role: a.role,
  enterprise_id: a.enterpriseId ?? null,
  region_code: a.regionCode ?? null,
  body_id: a.bodyId ?? null,
  must_change_password: a.mustChangePassword ?? false,
  is_demo: a.isDemo ?? false,
});

export async function clearFailedLogins(db: Db, id: string): Promise<void> {
  await db.updateTable('account').set({ failed_logins: 0, locked_until: null }).where('id', '=', id).execute();
}

export async function setPassword(db: Db, id: string, passwordHash: string, mustChange: boolean): Promise<void> {
  // A manual lock (locked_until) stays: only an admin lifts it, not a password reset.
  await db.updateTable('account').set({ password_hash: passwordHash, must_change_password: mustChange }).where('id', '=', id).execute();
}

export async function updateAccountFields(
  db: Db,
  id: string,
  patch: { role?: Role; regionCode?: string | null; bodyId?: string | null; lockedUntil?: Date | null },
): Promise<void> {
  const set = {
    ...(patch.role ? { role: patch.role } : {}),
    ...(patch.regionCode !== undefined ? { region_code: patch.regionCode } : {}),
    ...(patch.bodyId !== undefined ? { body_id: patch.bodyId } : {}),
    ...(patch.lockedUntil !== undefined ? { locked_until: patch.lockedUntil, failed_logins: 0 } : {}),
  };
  if (Object.keys(set).length) await db.updateTable('account').set(set).where('id', '=', id).execute();
}

export async function listAccounts(db: Db, options: { q?: string; role?: Role; limit: number; offset: number }) {
  let query = db.selectFrom('account');
  if (options.role) query = query.where('role', '=', options.role);
  if (options.q) {
    const like = `%${options.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('username', 'ilike', like), eb('display_name', 'ilike', like), eb('mobile', 'like', like)]));
  }
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('created_at', 'desc').limit(options.limit).offset(options.offset).execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function countPlatformAdmins(db: Db): Promise<number> {
  const row = await db.selectFrom('account').select((eb) => eb.fn.countAll<string>().as('n')).where('role', '=', 'platform_admin').executeTakeFirstOrThrow();
  return Number(row.n);
}
