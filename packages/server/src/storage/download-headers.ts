// Headers for handing an evidence file back: always a download, never rendered by the browser, so an
// uploaded file cannot run script in the platform's origin whatever it turns out to contain.
import { EVIDENCE_MEDIA_TYPES } from './sniff-media-type.ts';

/** The extensions a download name may keep per type (canonical first); others get the canonical one appended. */
const KEPT_EXTENSIONS: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries(EVIDENCE_MEDIA_TYPES).map(([extension, mediaType]): [string, readonly string[]] => [
    mediaType,
    extension === 'jpg' ? ['jpg', 'jpeg'] : extension === 'csv' ? ['csv', 'txt'] : [extension],
  ]),
);

/** In characters, before the extension: long enough for any real title, short enough for every OS. */
const MAX_STEM_CHARS = 120;

export function safeDownloadHeaders(fileName: string, mediaType: string, size: number): Record<string, string> {
  const extensions = KEPT_EXTENSIONS.get(mediaType);
  const name = downloadName(fileName, extensions);
  return {
    // A type we did not sniff (an allow-list that shrank since) is served as opaque bytes.
    'content-type': !extensions ? 'application/octet-stream' : mediaType === 'text/csv' ? 'text/csv; charset=utf-8' : mediaType,
    'content-length': String(size),
    'content-disposition': `attachment; filename="${asciiFallback(name)}"; filename*=UTF-8''${rfc5987(name)}`,
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; sandbox",
    // Enterprises' evidence on what may be a shared office computer: kept in no cache.
    'cache-control': 'private, no-store',
  };
}

/**
 * The name the file is saved under: the uploader's, cleaned, and ending in an extension that matches
 * the sniffed type, so "report.html" stored as text is saved as "report.html.csv", not opened as a page.
 */
function downloadName(fileName: string, extensions: readonly string[] | undefined): string {
  const cleaned = fileName
    .normalize('NFC')
    // Controls and line breaks (header injection), invisible format characters (U+202E shows
    // "invoice\u202Efdp.exe" as "invoiceexe.pdf").
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    // Path separators and what Windows cannot have in a name.
    .replace(/[\\/:*?"<>|]/g, '_')
    .replace(/\s+/gu, ' ')
    .replace(/^[\s.]+|[\s.]+$/gu, '');
  const dot = cleaned.lastIndexOf('.');
  const kept = extensions && dot > 0 && extensions.includes(cleaned.slice(dot + 1).toLowerCase());
  const stem = [...(kept ? cleaned.slice(0, dot) : cleaned)].slice(0, MAX_STEM_CHARS).join('').trimEnd() || 'download';
  if (kept) return `${stem}${cleaned.slice(dot)}`;
  return extensions ? `${stem}.${extensions[0]}` : stem;
}

/** For clients without RFC 6266 filename*: printable ASCII only, no quote, backslash or percent sign. */
function asciiFallback(name: string): string {
  const dot = name.lastIndexOf('.');
  const [stem, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  const ascii = (text: string) => text.replace(/[^\x20-\x7e]+|["\\%]/g, '_').replace(/_{2,}/g, '_');
  const asciiStem = ascii(stem).replace(/^[_\s]+|[_\s]+$/g, '');
  return `${/[A-Za-z0-9]/.test(asciiStem) ? asciiStem : 'download'}${ascii(extension)}`;
}

/** RFC 5987 ext-value characters: encodeURIComponent leaves ' ( ) * as they are, which attr-char does not allow. */
const rfc5987 = (text: string) => encodeURIComponent(text).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
