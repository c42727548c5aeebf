// On the embedded database one process owns the data, so whether an answer may be saved (status,
// level being answered) can be known here: autosave, survey and submission of one diagnosis take
// its lock in turn, and what they change is forgotten at once. Autosave is then a plain upsert
// instead of a conditional one. (On a PostgreSQL server, shared by processes, the database decides
// and there is no gate.)
import { KeyedTurns } from '../../group-commit.ts';
import type { SelfDiagnosisRow } from '../../repositories/self-diagnoses.ts';

type OpenState = Pick<SelfDiagnosisRow, 'status' | 'current_level'>;

export class DiagnosisGate {
  private readonly turns = new KeyedTurns();
  private readonly states = new Map<string, OpenState>();
  constructor(private readonly stateLimit: number) {}

  /** Runs `task` after every task queued before it for the same diagnosis. */
  run<T>(id: string, task: () => Promise<T>): Promise<T> {
    return this.turns.run(id, task);
  }

  knownState(id: string): OpenState | undefined {
    return this.states.get(id);
  }

  rememberState(id: string, state: OpenState): void {
    if (this.states.size >= this.stateLimit) this.states.delete(this.states.keys().next().value!);
    this.states.set(id, { status: state.status, current_level: state.current_level });
  }

  /** After a change of status or level: the next reader goes to the database. */
  forgetState(id: string): void {
    this.states.delete(id);
  }
}

/** Runs `task` under the diagnosis's lock where there is a gate, else at once. */
export const underDiagnosisLock = <T>(gate: DiagnosisGate | null, id: string, task: () => Promise<T>): Promise<T> =>
  gate ? gate.run(id, task) : task();
