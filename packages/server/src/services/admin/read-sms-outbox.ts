// The development SMS outbox (SMS_MODE=outbox): what would have been sent, newest first.
import type { ServiceContext } from '../../context.ts';
import { authorize, canReadSmsOutbox, type Actor } from '../../policy.ts';

export async function readSmsOutbox(ctx: ServiceContext, actor: Actor | null) {
  authorize(actor, canReadSmsOutbox(actor));
  const rows = await ctx.repos.sms.listOutbox(100);
  return { messages: rows.map((m) => ({ id: m.id, mobile: m.mobile, body: m.body, createdAt: m.created_at.toISOString() })) };
}
