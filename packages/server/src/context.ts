// What every service gets: the database, the clock, the SMS sender and a logger.
import type { Db } from './repositories/db-types.ts';
import type { SmsSender } from './sms.ts';

export interface ServiceContext {
  db: Db;
  /** Whether transactions may run concurrently (a PostgreSQL server; the embedded one runs one at a time). */
  concurrentDb: boolean;
  now: () => Date;
  sms: SmsSender;
  log: { info: (obj: object, msg?: string) => void; warn: (obj: object, msg?: string) => void };
}
