// The reader's "reduce motion" setting (WCAG 2.3.3): when set, antd's zoom/slide animations are off.
import { useSyncExternalStore } from 'react';

const QUERY = '(prefers-reduced-motion: reduce)';
const media = (): MediaQueryList | undefined => (typeof window !== 'undefined' && window.matchMedia ? window.matchMedia(QUERY) : undefined);

function subscribe(onChange: () => void): () => void {
  const m = media();
  m?.addEventListener('change', onChange);
  return () => m?.removeEventListener('change', onChange);
}

export const usePrefersReducedMotion = (): boolean => useSyncExternalStore(subscribe, () => media()?.matches ?? false, () => false);
