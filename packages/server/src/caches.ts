// The only state a server process keeps, all of it bounded and owned by the service context.
// With several servers on one PostgreSQL a process may cache only what never changes (a diagnosis's
// enterprise, edition, type and tailoring). On the embedded database one process holds the data
// dir's lock and makes every change itself, so there it may also cache what it changes (sessions),
// evicting on each change. An operator's region map is kept as of its file's version, which every
// read compares with the file first.
import type { Role } from '@cmmm/contract';
import type { SelfDiagnosisRow } from './repositories/self-diagnoses.ts';
import { GroupCommit } from './group-commit.ts';

/** A map that forgets its oldest entries past `limit`: entries, or their total `weigh` (e.g. bytes) when given. */
export class BoundedMap<K, V> {
  private readonly entries = new Map<K, { value: V; weight: number }>();
  private total = 0;
  constructor(
    readonly limit: number,
    private readonly weigh: (value: V) => number = () => 1,
  ) {}

  get(key: K): V | undefined {
    return this.entries.get(key)?.value;
  }

  /** A value heavier than the whole limit is not kept. */
  set(key: K, value: V): void {
    this.delete(key);
    const weight = this.weigh(value);
    if (weight > this.limit) return;
    while (this.total + weight > this.limit) this.delete(this.entries.keys().next().value!);
    this.entries.set(key, { value, weight });
    this.total += weight;
  }

  delete(key: K): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.total -= entry.weight;
  }

  deleteWhere(drop: (value: V, key: K) => boolean): void {
    for (const [key, { value }] of this.entries) if (drop(value, key)) this.delete(key);
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

/** One version of an operator's region map (MAP_DIR), as checked: its bytes, or what is wrong with it. */
export type CachedRegionMap =
  | { version: string; valid: true; etag: string; body: Buffer; brotli: Buffer; gzip: Buffer }
  | { version: string; valid: false; problem: string };

const weightOfMap = (m: CachedRegionMap): number => (m.valid ? m.body.length + m.brotli.length + m.gzip.length : 1024);

export interface Caches {
  /** Live sessions by token digest — embedded database only (null on PostgreSQL: revocation must be immediate on every server). */
  sessions: BoundedMap<string, CachedSession> | null;
  /** What never changes about a self-diagnosis once created. */
  diagnosisFacts: BoundedMap<string, DiagnosisFacts>;
  /** Region maps by code, each as of the file's version (checked against the file on every read), within REGION_MAP_CACHE_BYTES. */
  regionMaps: BoundedMap<string, CachedRegionMap>;
  /** Writes that arrive together (autosaves, a formal assessment's ratings) committed together; caches nothing. */
  groupCommit: GroupCommit;
}

export const CACHE_LIMIT = 10_000;
/** The nation's map and a few provinces' at full detail, with their compressed forms. */
export const REGION_MAP_CACHE_BYTES = 64 * 1024 * 1024;

export function createCaches(ownsDatabase: boolean): Caches {
  return {
    sessions: ownsDatabase ? new BoundedMap(CACHE_LIMIT) : null,
    diagnosisFacts: new BoundedMap(CACHE_LIMIT),
    regionMaps: new BoundedMap(REGION_MAP_CACHE_BYTES, weightOfMap),
    groupCommit: new GroupCommit(),
  };
}

/** After a change to an account's sessions, role, lock or password. */
export function evictAccountSessions(caches: Caches, accountId: string): void {
  caches.sessions?.deleteWhere((s) => s.accountId === accountId);
}
