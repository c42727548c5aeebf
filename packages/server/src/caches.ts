// The only state a server process keeps, all of it bounded and owned by the service context.
// With several servers on one PostgreSQL a process may cache only what never changes (a diagnosis's
// enterprise, edition, type and tailoring). On the embedded database one process holds the data
// dir's lock and makes every change itself, so there it may also cache what it changes (sessions),
// evicting on each change.
import type { Role } from '@cmmm/contract';
import type { SelfDiagnosisRow } from './repositories/self-diagnoses.ts';
import { GroupCommit } from './group-commit.ts';

/** A map that forgets its oldest entry past `limit`. */
export class BoundedMap<K, V> {
  private readonly entries = new Map<K, V>();
  constructor(readonly limit: number) {}

  get(key: K): V | undefined {
    return this.entries.get(key);
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    if (this.entries.size >= this.limit) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, value);
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  deleteWhere(drop: (value: V, key: K) => boolean): void {
    for (const [key, value] of this.entries) if (drop(value, key)) this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}

export interface CachedSession {
  tokenHash: string;
  accountId: string;
  role: Role;
  enterpriseId: string | null;
  regionCode: string | null;
  bodyId: string | null;
  mustChangePassword: boolean;
  csrfToken: string;
  expiresAt: Date;
  /** Re-read from the database after this instant (ms since the epoch), whatever happened. */
  until: number;
}

export type DiagnosisFacts = Pick<SelfDiagnosisRow, 'enterprise_id' | 'edition_id' | 'enterprise_type' | 'tailored'>;

export interface Caches {
  /** Live sessions by token digest — embedded database only (null on PostgreSQL: revocation must be immediate on every server). */
  sessions: BoundedMap<string, CachedSession> | null;
  /** What never changes about a self-diagnosis once created. */
  diagnosisFacts: BoundedMap<string, DiagnosisFacts>;
  /** Writes that arrive together (autosaves, a formal assessment's ratings) committed together; caches nothing. */
  groupCommit: GroupCommit;
}

export const CACHE_LIMIT = 10_000;

export function createCaches(ownsDatabase: boolean): Caches {
  return {
    sessions: ownsDatabase ? new BoundedMap(CACHE_LIMIT) : null,
    diagnosisFacts: new BoundedMap(CACHE_LIMIT),
    groupCommit: new GroupCommit(),
  };
}

/** After a change to an account's sessions, role, lock or password. */
export function evictAccountSessions(caches: Caches, accountId: string): void {
  caches.sessions?.deleteWhere((s) => s.accountId === accountId);
}
