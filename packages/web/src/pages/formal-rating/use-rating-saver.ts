// 我的评分, saved as it is chosen: one request at a time per requirement, the newest choice last (a
// quick second click never lands before the first), and a per-row state the row shows (保存中, 已保存,
// 未保存 with the server's reason and a retry).
import { useCallback, useRef, useState } from 'react';
import { ApiError } from '../../api.ts';
import { ratingApi, type SaveRating } from './rating-api.ts';

export type RowSaveState = { status: 'saving' } | { status: 'saved' } | { status: 'error'; error: unknown; rating: SaveRating };

export interface RatingSaver {
  /** Choices made on this page, newer than the sheet. */
  local: Readonly<Record<string, SaveRating>>;
  states: Readonly<Record<string, RowSaveState>>;
  save: (requirementId: string, rating: SaveRating) => void;
  retry: (requirementId: string) => void;
  /** Some choice is being sent or was refused: not the moment to submit. */
  unsettled: () => boolean;
}

/** Codes after which saving again cannot help: the sheet has moved on (submitted, another stage). */
const FINAL_CODES = new Set(['RATINGS_SUBMITTED', 'ILLEGAL_TRANSITION', 'NOT_A_RATER', 'FORBIDDEN']);

export function useRatingSaver(assessmentId: string, onSaved: (requirementId: string, error?: unknown) => void, onMovedOn: () => void): RatingSaver {
  const [local, setLocal] = useState<Record<string, SaveRating>>({});
  const [states, setStates] = useState<Record<string, RowSaveState>>({});
  const wanted = useRef(new Map<string, SaveRating>());
  const sending = useRef(new Set<string>());
  const statesRef = useRef(states);
  statesRef.current = states;

  const setState = useCallback((requirementId: string, state: RowSaveState) => setStates((s) => ({ ...s, [requirementId]: state })), []);

  const drain = useCallback(
    async (requirementId: string) => {
      if (sending.current.has(requirementId)) return; // the running loop picks the newest choice up
      sending.current.add(requirementId);
      try {
        for (let rating = wanted.current.get(requirementId); rating; rating = wanted.current.get(requirementId)) {
          wanted.current.delete(requirementId);
          setState(requirementId, { status: 'saving' });
          try {
            await ratingApi.saveRating(assessmentId, requirementId, rating);
            if (!wanted.current.has(requirementId)) {
              setState(requirementId, { status: 'saved' });
              onSaved(requirementId);
            }
          } catch (error) {
            if (!wanted.current.has(requirementId)) {
              setState(requirementId, { status: 'error', error, rating });
              onSaved(requirementId, error);
            }
            if (error instanceof ApiError && FINAL_CODES.has(error.code)) onMovedOn();
          }
        }
      } finally {
        sending.current.delete(requirementId);
      }
    },
    [assessmentId, onSaved, onMovedOn, setState],
  );

  const save = useCallback(
    (requirementId: string, rating: SaveRating) => {
      setLocal((l) => ({ ...l, [requirementId]: rating }));
      wanted.current.set(requirementId, rating);
      void drain(requirementId);
    },
    [drain],
  );

  const retry = useCallback(
    (requirementId: string) => {
      const state = statesRef.current[requirementId];
      if (state?.status === 'error') save(requirementId, state.rating);
    },
    [save],
  );

  const unsettled = useCallback(() => sending.current.size > 0 || Object.values(statesRef.current).some((s) => s.status !== 'saved'), []);

  return { local, states, save, retry, unsettled };
}
