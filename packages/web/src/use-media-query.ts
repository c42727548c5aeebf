// Media queries as React state: the reader's "reduce motion" setting (WCAG 2.3.3: antd's zoom/slide
// animations off) and the screen widths the header adapts to (antd's breakpoints, without antd).
import { useSyncExternalStore } from 'react';

const media = (query: string): MediaQueryList | undefined => (typeof window !== 'undefined' && window.matchMedia ? window.matchMedia(query) : undefined);

/** Whether `query` matches now; re-renders when that changes. `fallback` before there is a window. */
export function useMediaQuery(query: string, fallback = false): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const m = media(query);
      m?.addEventListener('change', onChange);
      return () => m?.removeEventListener('change', onChange);
    },
    () => media(query)?.matches ?? fallback,
    () => fallback,
  );
}

export const usePrefersReducedMotion = (): boolean => useMediaQuery('(prefers-reduced-motion: reduce)');

/** antd's breakpoints (lg 992, xl 1200, xxl 1600 px). */
export const useMinWidth = (px: 992 | 1200 | 1600): boolean => useMediaQuery(`(min-width: ${px}px)`, true);
