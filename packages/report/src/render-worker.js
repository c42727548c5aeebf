// Worker entry of the report render pool (render-pool.ts). Plain JS so that a worker thread can load
// it without a loader; it registers tsx itself (as bin/cmmm-server.js does), then the TypeScript.
import { move } from 'piscina';
import { register } from 'tsx/esm/api';

register();
const { renderPdf } = await import('./render-pdf.ts');
const { LABELS } = await import('./labels.ts');
const { FORMAL_LABELS } = await import('./formal-labels.ts');
const { CERTIFICATE_LABELS } = await import('./certificate-view.ts');

/** Renders one task (a report view without its labels) and hands the PDF's bytes back without a copy. */
export default async function render(task) {
  // an 指数报告 has no labels (Chinese only)
  const labels = task.kind === 'index' ? undefined : (task.kind === 'formal' ? FORMAL_LABELS : task.kind === 'certificate' ? CERTIFICATE_LABELS : LABELS)[task.language];
  const pdf = await renderPdf(labels ? { ...task, labels } : task);
  // A small Buffer may be a slice of Node's shared pool: transfer only an ArrayBuffer the PDF owns.
  const owned = pdf.byteOffset === 0 && pdf.byteLength === pdf.buffer.byteLength;
  return move(owned ? new Uint8Array(pdf.buffer) : new Uint8Array(pdf));
}
