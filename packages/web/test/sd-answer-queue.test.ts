// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, NetworkError, type Grade } from '../src/api.ts';
import { AnswerQueue, pendingKey, readPending, rememberedSubdomain, rememberSubdomain, type SaveStatus } from '../src/self-diagnosis/answer-queue.ts';

const ID = 'd-1';
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('the offline answer queue', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => vi.useRealTimers());

  it('keeps unsaved answers in localStorage and sends them in the order they were made', async () => {
    const sent: [string, Grade][] = [];
    let online = false;
    const send = vi.fn(async (id: string, grade: Grade) => {
      if (!online) throw new NetworkError(new TypeError('offline'));
      sent.push([id, grade]);
    });
    const statuses: SaveStatus[] = [];
    const queue = new AnswerQueue({ diagnosisId: ID, send, delays: [60_000], onChange: (s) => statuses.push(s.status) });
    queue.enqueue('A.L1', 'FI');
    queue.enqueue('B.L1', 'PI');
    await tick();
    expect(statuses).toContain('retrying');
    expect(readPending(ID)).toEqual([['A.L1', 'FI'], ['B.L1', 'PI']]);
    // A newer answer to A replaces the old one and goes to the end.
    queue.enqueue('A.L1', 'LI');
    await tick();
    expect(readPending(ID)).toEqual([['B.L1', 'PI'], ['A.L1', 'LI']]);
    queue.dispose();

    // The tab was closed; a new page flushes what is left, oldest first.
    online = true;
    const next = new AnswerQueue({ diagnosisId: ID, send });
    expect(next.state().pending).toEqual({ 'B.L1': 'PI', 'A.L1': 'LI' });
    await next.flush();
    expect(sent).toEqual([['B.L1', 'PI'], ['A.L1', 'LI']]);
    expect(localStorage.getItem(pendingKey(ID))).toBeNull();
    expect(next.state().status).toBe('saved');
  });

  it('retries with growing delays until the network is back', async () => {
    vi.useFakeTimers();
    let failures = 2;
    const send = vi.fn(async () => {
      if (failures-- > 0) throw new NetworkError(new TypeError('offline'));
    });
    const queue = new AnswerQueue({ diagnosisId: ID, send, delays: [1000, 2000] });
    queue.enqueue('A.L1', 'FI');
    await vi.advanceTimersByTimeAsync(0);
    expect(send).toHaveBeenCalledTimes(1);
    expect(queue.state().status).toBe('retrying');
    await vi.advanceTimersByTimeAsync(999);
    expect(send).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(send).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1999);
    expect(send).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(send).toHaveBeenCalledTimes(3);
    expect(queue.state().status).toBe('saved');
    expect(queue.size).toBe(0);
  });

  it('drops an answer the server refuses for good and reports it', async () => {
    const refused = new ApiError(409, 'LEVEL_LOCKED', '该等级已提交，不能修改');
    const send = vi.fn(async (id: string) => {
      if (id === 'A.L1') throw refused;
    });
    const onRejected = vi.fn();
    const queue = new AnswerQueue({ diagnosisId: ID, send, onRejected });
    queue.enqueue('A.L1', 'FI');
    queue.enqueue('B.L1', 'FI');
    await queue.flush();
    await tick();
    expect(onRejected).toHaveBeenCalledWith('A.L1', refused);
    expect(send).toHaveBeenCalledTimes(2);
    expect(queue.size).toBe(0);
    expect(queue.state().status).toBe('error');
  });

  it('treats server errors (5xx) as transient', async () => {
    const send = vi.fn(async () => {
      throw new ApiError(503, 'INTERNAL', 'down');
    });
    const queue = new AnswerQueue({ diagnosisId: ID, send, delays: [60_000] });
    queue.enqueue('A.L1', 'NI');
    await tick();
    expect(queue.state().status).toBe('retrying');
    expect(queue.size).toBe(1);
    queue.dispose();
  });

  it('保存 sends everything pending in one request', async () => {
    const send = vi.fn(async () => {
      throw new NetworkError(new TypeError('offline'));
    });
    const sendAll = vi.fn(async () => undefined);
    const queue = new AnswerQueue({ diagnosisId: ID, send, sendAll, delays: [60_000] });
    queue.enqueue('A.L1', 'FI');
    queue.enqueue('B.L1', 'NA');
    await tick();
    await queue.saveAll();
    expect(sendAll).toHaveBeenCalledWith({ 'A.L1': 'FI', 'B.L1': 'NA' });
    expect(queue.size).toBe(0);
    expect(queue.state().status).toBe('saved');
    queue.dispose();
  });

  it('ignores a corrupt stored queue', () => {
    localStorage.setItem(pendingKey(ID), '{not json');
    expect(readPending(ID)).toEqual([]);
    localStorage.setItem(pendingKey(ID), JSON.stringify([['A.L1', 'FI'], 3, 'x']));
    expect(readPending(ID)).toEqual([['A.L1', 'FI']]);
  });

  it('remembers the last subdomain per diagnosis and level', () => {
    rememberSubdomain('d-1', 1, 'M2-3');
    rememberSubdomain('d-2', 1, 'P1-1');
    expect(rememberedSubdomain('d-1', 1)).toBe('M2-3');
    expect(rememberedSubdomain('d-3', 1)).toBeUndefined();
    // A new level is not opened where the level before was left.
    expect(rememberedSubdomain('d-1', 2)).toBeUndefined();
  });
});
