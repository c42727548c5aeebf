// On the embedded database one process owns the data, so whether an answer may be saved (status,
// level being answered) can be known here: autosave, survey and submission of one diagnosis take
// its lock in turn, and what they change is forgotten at once. Autosave is then a plain upsert
// instead of a conditional one. (On a PostgreSQL server, shared by processes, the database decides.)
import type { SelfDiagnosisRow } from '../../repositories/self-diagnoses.ts';

const tails = new Map<string, Promise<unknown>>();

/** Runs `task` after every task queued before it for the same diagnosis. */
export async function underDiagnosisLock<T>(id: string, task: () => Promise<T>): Promise<T> {
  const previous = tails.get(id) ?? Promise.resolve();
  const run = previous.then(task, task);
  const tail = run.catch(() => undefined);
  tails.set(id, tail);
  try {
    return await run;
  } finally {
    if (tails.get(id) === tail) tails.delete(id);
  }
}

type OpenState = Pick<SelfDiagnosisRow, 'status' | 'current_level'>;
const states = new Map<string, OpenState>();
const STATE_LIMIT = 10_000;

export const knownState = (id: string): OpenState | undefined => states.get(id);

export function rememberState(id: string, state: OpenState): void {
  if (states.size >= STATE_LIMIT) states.delete(states.keys().next().value!);
  states.set(id, { status: state.status, current_level: state.current_level });
}

/** After a change of status or level: the next reader goes to the database. */
export const forgetState = (id: string): void => void states.delete(id);
