// A pool of worker threads that render report PDFs (piscina), so that pdfmake — about a second of CPU
// per report — never holds up the event loop that answers HTTP requests. The worker entry is
// render-worker.js (plain JS that loads this package's TypeScript through tsx).
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { CERTIFICATE_LABELS } from './certificate-view.ts';
import { FORMAL_LABELS } from './formal-labels.ts';
import { LABELS } from './labels.ts';
import type { AnyReportView } from './render-pdf.ts';

export interface RenderPoolOptions {
  /** Worker threads; by default one per core (os.availableParallelism(), at least 1). */
  threads?: number;
}

export interface RenderPool {
  /** The PDF of the view (either report), rendered in a worker; a rendering error rejects with its message. */
  render(view: AnyReportView): Promise<Buffer>;
  /** Starts the first worker now rather than with the first render (a server calls it once it is listening). */
  warm(): void;
  /** Waits for every render already asked for, then stops the workers. Later renders reject. */
  close(): Promise<void>;
}

type WithoutLabels<V> = V extends { labels: unknown } ? Omit<V, 'labels'> : V;

/**
 * What crosses to a worker: the view without its labels (they hold functions, which cannot be
 * cloned); the worker takes them again from LABELS, FORMAL_LABELS or CERTIFICATE_LABELS by kind and language.
 */
export type RenderTask = WithoutLabels<AnyReportView>;

/** The view without its labels, when they are the standard ones the worker has (an 指数报告 has none). */
function taskOf(view: AnyReportView): RenderTask | null {
  if (view.kind === 'index') return view;
  const { labels, ...task } = view;
  const standard = view.kind === 'formal' ? FORMAL_LABELS[view.language] : view.kind === 'certificate' ? CERTIFICATE_LABELS[view.language] : LABELS[view.language];
  return labels === standard ? task : null;
}

export function createRenderPool(options: RenderPoolOptions = {}): RenderPool {
  const threads = Math.max(1, Math.floor(options.threads ?? availableParallelism()));
  // Made on first use (warm() or a render), so a starting server does not load pdfmake, echarts and the
  // font (≈ 1.5 s of CPU) while it is getting ready; then one worker at once, more as renders queue up.
  let made: Piscina<RenderTask, Uint8Array> | undefined;
  const pool = () =>
    (made ??= new Piscina<RenderTask, Uint8Array>({
      filename: new URL('./render-worker.js', import.meta.url).href,
      minThreads: 1,
      maxThreads: threads,
      idleTimeout: 60_000,
    }));
  const pending = new Set<Promise<Buffer>>();
  let closed = false;

  return {
    render(view) {
      if (closed) return Promise.reject(new Error('the report render pool is closed'));
      const task = taskOf(view);
      if (!task) return Promise.reject(new Error('the render pool renders views built by buildReportView, buildFormalReportView or buildCertificateView (standard labels) only'));
      // The worker transfers the PDF's own ArrayBuffer: wrapping it as a Buffer copies nothing.
      const job = pool().run(task).then((bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      pending.add(job);
      const done = () => pending.delete(job);
      job.then(done, done);
      return job;
    },
    warm() {
      if (!closed) pool();
    },
    async close() {
      closed = true;
      await Promise.allSettled(pending);
      await made?.destroy();
    },
  };
}
