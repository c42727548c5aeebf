// The database handle the repositories take: the whole database or a transaction.
import type { DB } from '@cmmm/db';
import type { Kysely } from 'kysely';

export type Db = Kysely<DB>;
