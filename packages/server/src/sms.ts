// Sending SMS. Production plugs a gateway in behind SmsSender; development (the default) writes each
// message to the sms_outbox table, which the platform admin can read, and to the log.
import type { ServiceContext } from './context.ts';
import { newId } from './security/tokens.ts';

export interface SmsSender {
  /** Sends (or queues) one message; `tx` is the transaction it belongs to. */
  send(tx: ServiceContext, mobile: string, body: string): Promise<void>;
}

export function outboxSmsSender(log: { info: (obj: object, msg?: string) => void }): SmsSender {
  return {
    async send(tx, mobile, body) {
      await tx.repos.sms.insertOutboxMessage({ id: newId(), mobile, body });
      log.info({ sms: { mobile: maskMobile(mobile) } }, 'SMS written to the development outbox');
    },
  };
}

/** 138****1234 */
export const maskMobile = (mobile: string): string => `${mobile.slice(0, 3)}****${mobile.slice(-4)}`;
