// The per-diagnosis lock of the embedded database: tasks of one diagnosis run one after another, in
// arrival order, a failure does not block the next; tasks of different diagnoses do not wait.
import { describe, expect, it } from 'vitest';
import { DiagnosisGate } from '../src/services/self-diagnosis/diagnosis-gate.ts';

const gate = new DiagnosisGate(100);
const underDiagnosisLock = <T>(id: string, task: () => Promise<T>) => gate.run(id, task);

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('underDiagnosisLock', () => {
  it('runs the tasks of one diagnosis one at a time, in order', async () => {
    const log: string[] = [];
    const task = (name: string, ms: number) => async () => {
      log.push(`${name} start`);
      await tick(ms);
      log.push(`${name} end`);
      return name;
    };
    const results = await Promise.all([underDiagnosisLock('a', task('submit', 20)), underDiagnosisLock('a', task('autosave', 1))]);
    expect(results).toEqual(['submit', 'autosave']);
    expect(log).toEqual(['submit start', 'submit end', 'autosave start', 'autosave end']);
  });

  it('lets the next task run after one fails, and does not hold other diagnoses', async () => {
    const log: string[] = [];
    const failing = underDiagnosisLock('b', async () => {
      await tick(10);
      throw new Error('refused');
    });
    const next = underDiagnosisLock('b', async () => log.push('b next'));
    const other = underDiagnosisLock('c', async () => log.push('c'));
    await expect(failing).rejects.toThrow('refused');
    await Promise.all([next, other]);
    expect(log).toEqual(['c', 'b next']);
  });
});

describe('the known state', () => {
  it('is remembered until forgotten', () => {
    gate.rememberState('d', { status: 'answering', current_level: 2 });
    expect(gate.knownState('d')).toEqual({ status: 'answering', current_level: 2 });
    gate.forgetState('d');
    expect(gate.knownState('d')).toBeUndefined();
  });

  it('is bounded', () => {
    const small = new DiagnosisGate(2);
    for (const id of ['e', 'f', 'g']) small.rememberState(id, { status: 'answering', current_level: 1 });
    expect([small.knownState('e'), small.knownState('g')?.current_level]).toEqual([undefined, 1]);
  });
});
