// The group commit (group-commit.ts) on its own: what arrives together is written together, each item
// is answered only after its batch is written, a refused item fails alone, a batch that fails as a whole
// is written again one by one, and keys do not wait for each other.
import { describe, expect, it } from 'vitest';
import { GroupCommit, KeyedTurns, type BatchWriter } from '../src/group-commit.ts';

/** A writer whose batches finish when the test says so; it records every batch. */
function controlledWriter(refuse: (item: number) => boolean = () => false, fail: (batch: readonly number[]) => boolean = () => false) {
  const batches: number[][] = [];
  const written: number[] = [];
  const releases: (() => void)[] = [];
  const write: BatchWriter<number, number> = async (items) => {
    batches.push([...items]);
    await new Promise<void>((resolve) => releases.push(resolve));
    if (fail(items)) throw new Error('the transaction failed');
    const outcomes = items.map((item) => (refuse(item) ? { ok: false as const, error: new Error(`refused ${item}`) } : { ok: true as const, value: item * 10 }));
    written.push(...items.filter((item) => !refuse(item)));
    return outcomes;
  };
  /** Lets the oldest batch under way finish, once one has started. */
  const release = async () => {
    while (!releases.length) await new Promise((resolve) => setImmediate(resolve));
    releases.shift()!();
  };
  return { write, batches, written, release };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('GroupCommit', () => {
  it('writes the first item at once and everything that arrives meanwhile in the next batch, answering each only once written', async () => {
    const gate = new GroupCommit();
    const w = controlledWriter();
    const answered: number[] = [];
    const first = gate.write('a', 1, w.write).then((v) => answered.push(v));
    await settle();
    await settle();
    expect(w.batches).toEqual([[1]]);
    const rest = [2, 3, 4].map((n) => gate.write('a', n, w.write).then((v) => answered.push(v)));
    await settle();
    expect(answered).toEqual([]); // nothing acknowledged before its batch is written
    await w.release();
    await first;
    expect(answered).toEqual([10]);
    await w.release();
    await Promise.all(rest);
    expect(w.batches).toEqual([[1], [2, 3, 4]]);
    expect(answered).toEqual([10, 20, 30, 40]);
    await settle();
    expect(gate.busy).toBe(0);
  });

  it('refuses one item of a batch without losing the others', async () => {
    const gate = new GroupCommit();
    const w = controlledWriter((n) => n === 3);
    const results = Promise.allSettled([1, 2, 3, 4].map((n) => gate.write('a', n, w.write)));
    await w.release();
    const settled = await results;
    expect(settled.map((s) => (s.status === 'fulfilled' ? s.value : (s.reason as Error).message))).toEqual([10, 20, 'refused 3', 40]);
    expect(w.written).toEqual([1, 2, 4]);
  });

  it('writes a batch that failed as a whole again one by one, so only the bad item fails', async () => {
    const gate = new GroupCommit();
    const w = controlledWriter(undefined, (batch) => batch.includes(2));
    const results = Promise.allSettled([1, 2, 3].map((n) => gate.write('a', n, w.write)));
    for (let i = 0; i < 4; i++) await w.release(); // the batch, then each item alone
    const settled = await results;
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(w.batches).toEqual([[1, 2, 3], [1], [2], [3]]);
    expect(w.written).toEqual([1, 3]);
    await settle();
    expect(gate.busy).toBe(0);
  });

  it('keeps keys apart: one key’s batch does not wait for another’s', async () => {
    const gate = new GroupCommit();
    const slow = controlledWriter();
    const fast = controlledWriter();
    const a = gate.write('a', 1, slow.write);
    const b = gate.write('b', 2, fast.write);
    await fast.release();
    expect(await b).toBe(20);
    await slow.release();
    expect(await a).toBe(10);
  });

  it('starts another batch when one is full', async () => {
    const gate = new GroupCommit(2);
    const w = controlledWriter();
    const results = [1, 2, 3, 4, 5].map((n) => gate.write('a', n, w.write));
    for (let i = 0; i < 3; i++) await w.release();
    expect(await Promise.all(results)).toEqual([10, 20, 30, 40, 50]);
    expect(w.batches).toEqual([[1, 2], [3, 4], [5]]);
  });
});

describe('KeyedTurns', () => {
  it('runs the tasks of one key one after another, even when one fails', async () => {
    const turns = new KeyedTurns();
    const log: string[] = [];
    const task = (name: string, fail = false) => async () => {
      log.push(`start ${name}`);
      await settle();
      log.push(`end ${name}`);
      if (fail) throw new Error(name);
      return name;
    };
    const results = await Promise.allSettled([turns.run('k', task('a')), turns.run('k', task('b', true)), turns.run('k', task('c'))]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(turns.busy).toBe(0);
  });
});
