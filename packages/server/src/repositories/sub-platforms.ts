// All SQL about regional sub-platforms.
import type { Db } from './db-types.ts';

export const listSubPlatforms = (db: Db) => db.selectFrom('sub_platform').selectAll().orderBy('code').execute();

export const findSubPlatform = (db: Db, code: string) => db.selectFrom('sub_platform').selectAll().where('code', '=', code).executeTakeFirst();

/** Creates the sub-platforms that do not exist yet; existing ones keep their (edited) settings. */
export async function insertMissingSubPlatforms(
  db: Db,
  platforms: readonly { code: string; name: string; shortName: string; themeColor: string; logoSvg: string }[],
): Promise<number> {
  if (!platforms.length) return 0;
  const result = await db
    .insertInto('sub_platform')
    .values(platforms.map((p) => ({ code: p.code, name: p.name, short_name: p.shortName, theme_color: p.themeColor, logo_svg: p.logoSvg })))
    .onConflict((oc) => oc.column('code').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

export async function updateSubPlatform(
  db: Db,
  code: string,
  patch: { name?: string; shortName?: string; themeColor?: string; logoSvg?: string | null },
): Promise<void> {
  const set = {
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.shortName !== undefined ? { short_name: patch.shortName } : {}),
    ...(patch.themeColor !== undefined ? { theme_color: patch.themeColor } : {}),
    ...(patch.logoSvg !== undefined ? { logo_svg: patch.logoSvg } : {}),
  };
  if (Object.keys(set).length) await db.updateTable('sub_platform').set(set).where('code', '=', code).execute();
}
