// 地方分平台: read by anyone (their pages and logos), changed by the platform admin or their own admin.
import type { SubPlatformView } from '@cmmm/contract';
import type { ServiceContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { authorize, canReadPublicData, canUpdateSubPlatform, permit, type Actor } from '../../policy.ts';
import { subPlatformView } from '../../views.ts';
import { recordAudit } from '../audit.ts';

export async function listSubPlatforms(ctx: ServiceContext, actor: Actor | null): Promise<{ subPlatforms: SubPlatformView[] }> {
  permit(actor, canReadPublicData(actor));
  return { subPlatforms: (await ctx.repos.subPlatforms.listSubPlatforms()).map(subPlatformView) };
}

export async function readSubPlatform(ctx: ServiceContext, actor: Actor | null, input: { code: string }): Promise<SubPlatformView> {
  permit(actor, canReadPublicData(actor));
  const row = await ctx.repos.subPlatforms.findSubPlatform(input.code);
  if (!row) throw new AppError('UNKNOWN_SUB_PLATFORM');
  return subPlatformView(row);
}

export async function updateSubPlatform(
  ctx: ServiceContext,
  actor: Actor | null,
  input: { code: string; patch: { name?: string; shortName?: string; themeColor?: string; logoSvg?: string | null } },
): Promise<SubPlatformView> {
  authorize(actor, canUpdateSubPlatform(actor, input.code));
  return ctx.transaction(async (tx) => {
    const current = await tx.repos.subPlatforms.findSubPlatform(input.code);
    if (!current) throw new AppError('UNKNOWN_SUB_PLATFORM');
    const { themeColor, logoSvg } = input.patch;
    const recoloured = themeColor && logoSvg === undefined ? { logoSvg: recolourGeneratedLogo(current.logo_svg, current.theme_color, themeColor) } : {};
    await tx.repos.subPlatforms.updateSubPlatform(input.code, { ...input.patch, ...recoloured });
    const before: Record<string, unknown> = { name: current.name, shortName: current.short_name, themeColor: current.theme_color };
    const changed = (['name', 'shortName', 'themeColor'] as const).filter((k) => input.patch[k] !== undefined);
    await recordAudit(tx, actor, 'sub_platform.updated', { type: 'sub_platform', id: input.code }, {
      before: Object.fromEntries(changed.map((k) => [k, before[k]])),
      after: Object.fromEntries(changed.map((k) => [k, input.patch[k]])),
      logoChanged: logoSvg !== undefined,
    });
    return subPlatformView((await tx.repos.subPlatforms.findSubPlatform(input.code))!);
  });
}

/** A generated logo (coloured square with the short name) takes a new theme colour along. */
export function recolourGeneratedLogo(logo: string | null, from: string, to: string): string | null {
  const square = (c: string) => `<rect width="64" height="64" rx="12" ry="12" fill="${c}"/>`;
  return logo?.includes(square(from)) ? logo.replace(square(from), square(to)) : logo;
}
