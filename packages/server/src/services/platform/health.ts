// Liveness (the process answers) and readiness (its database answers and is fully migrated): what
// a load balancer or monitor asks before sending users here.
import type { ServiceContext } from '../../context.ts';
import { canCheckHealth, permit, type Actor } from '../../policy.ts';

export function checkLiveness(_ctx: ServiceContext, actor: Actor | null): { status: 'ok' } {
  permit(actor, canCheckHealth(actor));
  return { status: 'ok' };
}

export async function checkReadiness(ctx: ServiceContext, actor: Actor | null): Promise<{ status: 'ok' | 'not_ready'; database: 'ok' | 'unavailable'; pendingMigrations: string[] }> {
  permit(actor, canCheckHealth(actor));
  try {
    const { pending } = await ctx.repos.health.readMigrationStatus();
    return { status: pending.length ? 'not_ready' : 'ok', database: 'ok', pendingMigrations: pending };
  } catch {
    return { status: 'not_ready', database: 'unavailable', pendingMigrations: [] };
  }
}
