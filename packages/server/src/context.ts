// What every service gets: the database, the clock, the SMS sender and a logger.
import type { Database } from '@cmmm/db';
import type { Db } from './repositories/db-types.ts';
import { outboxSmsSender, type SmsSender } from './sms.ts';

export interface ServiceContext {
  db: Db;
  /** Whether transactions may run concurrently (a PostgreSQL server; the embedded one runs one at a time). */
  concurrentDb: boolean;
  now: () => Date;
  sms: SmsSender;
  log: { info: (obj: object, msg?: string) => void; warn: (obj: object, msg?: string) => void };
}

type Log = ServiceContext['log'];

/** The context over an open database, with the development SMS outbox. */
export function serviceContext(database: Database, log: Log, now: () => Date = () => new Date()): ServiceContext {
  return { db: database.db, concurrentDb: database.kind === 'postgres', now, sms: outboxSmsSender(log), log };
}
