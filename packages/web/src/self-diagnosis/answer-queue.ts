// Answers not yet confirmed by the server: kept in localStorage per diagnosis (a closed tab, a reload
// or a dropped connection loses nothing), sent one at a time in the order they were made, retried
// with backoff while the network fails. A newer answer to the same requirement replaces the older
// one and moves to the end of the queue.
import { ApiError, type Grade } from '../api.ts';

export type SaveStatus = 'saved' | 'saving' | 'retrying' | 'error';

export interface QueueState {
  status: SaveStatus;
  pending: Readonly<Record<string, Grade>>;
  /** The last refusal by the server (not a network problem), e.g. LEVEL_LOCKED. */
  error?: unknown;
}

export interface AnswerQueueOptions {
  diagnosisId: string;
  send: (requirementId: string, grade: Grade) => Promise<unknown>;
  sendAll?: (answers: Record<string, Grade>) => Promise<unknown>;
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  /** Retry delays in ms; the last one repeats. */
  delays?: readonly number[];
  onChange?: (state: QueueState) => void;
  /** Called for answers the server refused for good (they are dropped from the queue). */
  onRejected?: (requirementId: string, error: unknown) => void;
}

export const pendingKey = (diagnosisId: string): string => `cmmm.selfDiagnosis.${diagnosisId}.pending`;
export const DEFAULT_DELAYS = [1000, 2000, 4000, 8000, 15000, 30000] as const;

/** A failure worth retrying: the network, or the server being unavailable. */
export const isTransient = (error: unknown): boolean => !(error instanceof ApiError) || error.status >= 500 || error.status === 429 || error.code === 'CSRF';

function defaultStorage(): AnswerQueueOptions['storage'] {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

/** Pending answers remembered for a diagnosis, in queue order. */
export function readPending(diagnosisId: string, storage = defaultStorage()): [string, Grade][] {
  try {
    const raw = storage?.getItem(pendingKey(diagnosisId));
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    if (!Array.isArray(parsed)) return [];
    return parsed.filter((x): x is [string, Grade] => Array.isArray(x) && typeof x[0] === 'string' && typeof x[1] === 'string');
  } catch {
    return [];
  }
}

export class AnswerQueue {
  private readonly entries: [string, Grade][];
  private readonly storage;
  private readonly delays: readonly number[];
  private status: SaveStatus = 'saved';
  private error: unknown;
  private running = false;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;

  constructor(private readonly options: AnswerQueueOptions) {
    this.storage = options.storage ?? defaultStorage();
    this.delays = options.delays ?? DEFAULT_DELAYS;
    this.entries = readPending(options.diagnosisId, this.storage);
  }

  state(): QueueState {
    return { status: this.status, pending: Object.fromEntries(this.entries), error: this.error };
  }

  get size(): number {
    return this.entries.length;
  }

  /** Records an answer and starts sending. */
  enqueue(requirementId: string, grade: Grade): void {
    const at = this.entries.findIndex(([id]) => id === requirementId);
    if (at >= 0) this.entries.splice(at, 1);
    this.entries.push([requirementId, grade]);
    this.persist();
    this.error = undefined;
    this.setStatus(this.status === 'retrying' ? 'retrying' : 'saving');
    if (!this.running) {
      // A new answer is a reason to try now rather than wait out the backoff.
      this.clearTimer();
      void this.flush();
    }
  }

  /** Sends every pending answer, oldest first. Resolves when the queue is empty or sending failed. */
  async flush(): Promise<void> {
    if (this.running || this.disposed) return;
    this.clearTimer();
    if (!this.entries.length) {
      this.setStatus('saved');
      return;
    }
    this.running = true;
    this.setStatus(this.attempt > 0 ? 'retrying' : 'saving');
    try {
      while (this.entries.length && !this.disposed) {
        const [id, grade] = this.entries[0]!;
        try {
          await this.options.send(id, grade);
        } catch (error) {
          if (isTransient(error)) {
            this.scheduleRetry();
            return;
          }
          this.error = error;
          this.options.onRejected?.(id, error);
        }
        this.attempt = 0;
        // Drop it unless a newer answer replaced it while it was being sent.
        const now = this.entries.findIndex(([x]) => x === id);
        if (now >= 0 && this.entries[now]![1] === grade) this.entries.splice(now, 1);
        this.persist();
      }
      this.setStatus(this.error === undefined ? 'saved' : 'error');
    } finally {
      this.running = false;
    }
  }

  /** The 保存 button: everything pending in one request (falls back to one by one). */
  async saveAll(): Promise<void> {
    if (!this.entries.length || !this.options.sendAll || this.running) return this.flush();
    const batch = Object.fromEntries(this.entries);
    this.running = true;
    this.setStatus('saving');
    try {
      await this.options.sendAll(batch);
      for (const [id, grade] of Object.entries(batch)) {
        const at = this.entries.findIndex(([x]) => x === id);
        if (at >= 0 && this.entries[at]![1] === grade) this.entries.splice(at, 1);
      }
      this.persist();
      this.attempt = 0;
      this.running = false;
      this.setStatus(this.entries.length ? 'saving' : 'saved');
      if (this.entries.length) await this.flush();
    } catch (error) {
      this.running = false;
      if (isTransient(error)) this.scheduleRetry();
      else await this.flush(); // one by one, to find which answer is refused
      throw error;
    }
  }

  /** Retry now (the browser says it is back online). */
  retryNow(): void {
    if (this.entries.length && !this.running) void this.flush();
  }

  dispose(): void {
    this.disposed = true;
    this.clearTimer();
  }

  private scheduleRetry(): void {
    const delay = this.delays[Math.min(this.attempt, this.delays.length - 1)] ?? 1000;
    this.attempt += 1;
    this.setStatus('retrying');
    this.clearTimer();
    if (!this.disposed) this.timer = setTimeout(() => void this.flush(), delay);
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private persist(): void {
    try {
      const key = pendingKey(this.options.diagnosisId);
      if (this.entries.length) this.storage?.setItem(key, JSON.stringify(this.entries));
      else this.storage?.removeItem(key);
    } catch {
      // storage full or blocked: the answers stay in memory
    }
  }

  private setStatus(status: SaveStatus): void {
    this.status = status;
    this.options.onChange?.(this.state());
  }
}

/**
 * The subdomain the user was on, per diagnosis and level (继续自诊断 resumes there). Per level: the
 * subdomain ids repeat at every level, and a new level must open at its own first unanswered question,
 * not where the level before was left.
 */
export const lastSubdomainKey = (diagnosisId: string, level: number): string => `cmmm.selfDiagnosis.${diagnosisId}.L${level}.subdomain`;
export function rememberSubdomain(diagnosisId: string, level: number, subdomainId: string): void {
  try {
    localStorage.setItem(lastSubdomainKey(diagnosisId, level), subdomainId);
  } catch {
    // not remembered
  }
}
export function rememberedSubdomain(diagnosisId: string, level: number): string | undefined {
  try {
    return localStorage.getItem(lastSubdomainKey(diagnosisId, level)) ?? undefined;
  } catch {
    return undefined;
  }
}
