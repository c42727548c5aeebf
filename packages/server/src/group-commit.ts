// Turns and group commit: how a process lines up the work of one thing (a diagnosis, a formal
// assessment). `KeyedTurns` runs tasks of one key one after another; `GroupCommit` builds on it so
// that what arrives while a batch is being written is written together in the next one — one
// transaction, one commit (on the embedded database, one file write) for many requests. Neither
// caches anything: the database still decides, so both are right with several servers too.

/** Tasks of one key run one after another, in the order they came; other keys are not held up. */
export class KeyedTurns {
  private readonly tails = new Map<string, Promise<unknown>>();

  /** Runs `task` after every task queued before it for the same key. */
  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const run = previous.then(task, task);
    const tail = run.catch(() => undefined);
    this.tails.set(key, tail);
    try {
      return await run;
    } finally {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }

  /** Keys with a task queued or running (for tests: nothing is left behind). */
  get busy(): number {
    return this.tails.size;
  }
}

/** What a batch says about each of its items: its result, or why it alone was refused. */
export type ItemOutcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

/**
 * Writes a batch in one transaction and says how each item went. An item refused by a rule comes back
 * as `{ ok: false }` without spoiling the others; throwing fails the whole batch (nothing was written).
 */
export type BatchWriter<I, R> = (items: readonly I[]) => Promise<ItemOutcome<R>[]>;

interface Waiting {
  item: unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit per key. The first item of a key is written at once; items arriving while that batch
 * is under way wait and are written together as the next batch, by the writer of the first of them.
 * An item is answered only once its batch has committed (nothing acknowledged is lost). When a batch
 * fails as a whole, its items are written again one by one, so one bad item fails alone.
 */
export class GroupCommit {
  private readonly turns = new KeyedTurns();
  private readonly waiting = new Map<string, { items: Waiting[]; write: BatchWriter<unknown, unknown> }>();

  constructor(private readonly maxBatch = 256) {}

  write<I, R>(key: string, item: I, writer: BatchWriter<I, R>): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const entry: Waiting = { item, resolve: resolve as (value: unknown) => void, reject };
      const open = this.waiting.get(key);
      if (open && open.items.length < this.maxBatch) {
        open.items.push(entry);
        return;
      }
      const batch = { items: [entry], write: writer as BatchWriter<unknown, unknown> };
      this.waiting.set(key, batch);
      void this.turns.run(key, async () => {
        await requestsAlreadyReceived();
        if (this.waiting.get(key) === batch) this.waiting.delete(key);
        return writeBatch(batch.items, batch.write);
      });
    });
  }

  /** Keys with a batch waiting or being written. */
  get busy(): number {
    return this.turns.busy;
  }
}

/**
 * Waits until the requests already received have been read. The embedded database runs each statement
 * synchronously in this thread, so a transaction started at once would keep the event loop from reading
 * the requests waiting behind it, and every batch would hold one item.
 */
const requestsAlreadyReceived = () => new Promise<void>((resolve) => setImmediate(resolve));

async function writeBatch(items: readonly Waiting[], write: BatchWriter<unknown, unknown>): Promise<void> {
  let outcomes: ItemOutcome<unknown>[];
  try {
    outcomes = await write(items.map((w) => w.item));
    if (outcomes.length !== items.length) throw new Error(`group commit: ${outcomes.length} outcomes for ${items.length} items`);
  } catch (error) {
    if (items.length === 1) return items[0]!.reject(error);
    for (const one of items) await writeBatch([one], write);
    return;
  }
  outcomes.forEach((outcome, i) => (outcome.ok ? items[i]!.resolve(outcome.value) : items[i]!.reject(outcome.error)));
}
