// Sending SMS. Production plugs a gateway in behind SmsSender; development (the default) writes each
// message to the sms_outbox table, which the platform admin can read, and to the log.
import { insertOutboxMessage } from './repositories/sms.ts';
import type { Db } from './repositories/db-types.ts';
import { newId } from './security/tokens.ts';

export interface SmsSender {
  send(db: Db, mobile: string, body: string): Promise<void>;
}

export function outboxSmsSender(log: { info: (obj: object, msg?: string) => void }): SmsSender {
  return {
    async send(db, mobile, body) {
      await insertOutboxMessage(db, { id: newId(), mobile, body });
      log.info({ sms: { mobile, body } }, 'SMS written to the development outbox');
    },
  };
}

/** 138****1234 */
export const maskMobile = (mobile: string): string => `${mobile.slice(0, 3)}****${mobile.slice(-4)}`;
