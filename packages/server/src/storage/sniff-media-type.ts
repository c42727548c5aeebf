// What an uploaded file is, decided by its bytes against an allow-list: never by its name or the
// client's Content-Type, which the uploader chooses. Anything not recognised is refused (null).

/** The allow-list: canonical extension → media type. */
export const EVIDENCE_MEDIA_TYPES = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
  csv: 'text/csv',
} as const;

export type EvidenceExtension = keyof typeof EVIDENCE_MEDIA_TYPES;

export interface SniffedType {
  mediaType: string;
  extension: EvidenceExtension;
}

/**
 * The file being sniffed, read at any offset: zip's central directory sits at the end and an OLE
 * file's directory wherever its FAT says, so the first few KB are not always enough.
 */
export interface RandomAccessBytes {
  readonly size: number;
  /** Up to `length` bytes from `offset` (fewer at the end of the file, none past it). */
  read(offset: number, length: number): Promise<Uint8Array>;
}

export function bytesOf(buffer: Uint8Array): RandomAccessBytes {
  return { size: buffer.length, read: async (offset, length) => buffer.subarray(offset, offset + length) };
}

const typeOf = (extension: EvidenceExtension): SniffedType => ({ mediaType: EVIDENCE_MEDIA_TYPES[extension], extension });

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
const startsWith = (b: Uint8Array, signature: readonly number[], at = 0) =>
  b.length >= at + signature.length && signature.every((byte, i) => b[at + i] === byte);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

const PDF = ascii('%PDF-');
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const GIF87 = ascii('GIF87a');
const GIF89 = ascii('GIF89a');
const RIFF = ascii('RIFF');
const WEBP = ascii('WEBP');
const ZIP_LOCAL_FILE = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export async function sniffMediaType(bytes: RandomAccessBytes): Promise<SniffedType | null> {
  if (bytes.size === 0) return null;
  const head = await bytes.read(0, 16);
  // PDF: the header must open the file. Readers tolerate junk before it, which is how PDF polyglots
  // are built; a genuine document does not need that latitude.
  if (startsWith(head, PDF)) return typeOf('pdf');
  if (startsWith(head, PNG)) return typeOf('png');
  if (startsWith(head, JPEG)) return typeOf('jpg');
  if (startsWith(head, GIF87) || startsWith(head, GIF89)) return typeOf('gif');
  if (startsWith(head, RIFF) && startsWith(head, WEBP, 8)) return typeOf('webp');
  // Any other zip (archives, jar, apk, odt, macro-enabled office files) and any other compound file
  // (msi installers, msg mails) is refused, not passed on to the text check.
  if (startsWith(head, ZIP_LOCAL_FILE)) return officeOpenXmlType(bytes);
  if (startsWith(head, OLE)) return compoundFileType(bytes);
  return (await isPlainText(bytes)) ? typeOf('csv') : null;
}

// ---- OOXML (docx, xlsx, pptx): a zip holding [Content_Types].xml and the format's main part ----

const OOXML_MAIN_PARTS: readonly [string, EvidenceExtension][] = [
  ['word/document.xml', 'docx'],
  ['xl/workbook.xml', 'xlsx'],
  ['ppt/presentation.xml', 'pptx'],
];
const ZIP_END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const ZIP_CENTRAL_FILE = 0x02014b50;
const ZIP_END_RECORD = 22;

async function officeOpenXmlType(bytes: RandomAccessBytes): Promise<SniffedType | null> {
  const names = await zipEntryNames(bytes);
  // OPC part names compare case-insensitively.
  if (!names?.has('[content_types].xml')) return null;
  // Macro-enabled documents (docm, xlsm, pptm) carry a VBA project; renamed to docx Office refuses
  // them, and evidence has no need for macros.
  if ([...names].some((name) => name.endsWith('vbaproject.bin'))) return null;
  const found = OOXML_MAIN_PARTS.filter(([part]) => names.has(part));
  return found.length === 1 ? typeOf(found[0]![1]) : null;
}

/** The names in a zip's central directory (lowercased), or null when the zip is not a plain, single, consistent one. */
async function zipEntryNames(bytes: RandomAccessBytes): Promise<Set<string> | null> {
  const tailLength = Math.min(bytes.size, ZIP_END_RECORD + 0xffff);
  const tailStart = bytes.size - tailLength;
  const tail = await bytes.read(tailStart, tailLength);
  // The end record is the last 22 bytes plus a comment of up to 64 KB; the comment may contain the
  // signature too, so the record is the one whose comment ends exactly at the end of the file.
  let end = -1;
  for (let at = tail.length - ZIP_END_RECORD; at >= 0; at--) {
    if (u32(tail, at) === ZIP_END_OF_CENTRAL_DIRECTORY && at + ZIP_END_RECORD + u16(tail, at + 20) === tail.length) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const [disk, directoryDisk, entriesOnDisk, entries] = [u16(tail, end + 4), u16(tail, end + 6), u16(tail, end + 8), u16(tail, end + 10)];
  const [directorySize, directoryOffset] = [u32(tail, end + 12), u32(tail, end + 16)];
  if (disk !== 0 || directoryDisk !== 0 || entriesOnDisk !== entries) return null;
  // The central directory must end where the end record starts: nothing hidden in between, and no
  // ZIP64 (0xFFFFFFFF offsets), which no office document within our size limits needs.
  if (directoryOffset + directorySize !== tailStart + end) return null;
  const directory = await bytes.read(directoryOffset, directorySize);
  const names = new Set<string>();
  const decoder = new TextDecoder();
  let at = 0;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > directory.length || u32(directory, at) !== ZIP_CENTRAL_FILE) return null;
    const nameEnd = at + 46 + u16(directory, at + 28);
    if (nameEnd > directory.length) return null;
    names.add(decoder.decode(directory.subarray(at + 46, nameEnd)).toLowerCase());
    at = nameEnd + u16(directory, at + 30) + u16(directory, at + 32);
  }
  return at === directory.length ? names : null;
}

// ---- Legacy office (doc, xls, ppt): an OLE compound file whose root holds the format's main stream ----

const FREE_OR_END = 0xfffffffa; // sector numbers from here up are markers (free, end of chain, FAT, DIFAT)
const END_OF_CHAIN = 0xfffffffe;
const NO_STREAM = 0xffffffff;
const DIRECTORY_ENTRY = 128;
const ROOT_STORAGE = 5;
const HEADER_FAT_ENTRIES = 109;

async function compoundFileType(bytes: RandomAccessBytes): Promise<SniffedType | null> {
  const names = await rootEntryNames(bytes);
  if (!names) return null;
  // Word's and Excel's VBA storages: macros have no place in evidence (PowerPoint keeps its VBA inside
  // the main stream, which this does not look into).
  if (names.has('macros') || names.has('_vba_project_cur')) return null;
  const found: EvidenceExtension[] = [];
  if (names.has('worddocument')) found.push('doc');
  if (names.has('workbook') || names.has('book')) found.push('xls');
  if (names.has('powerpoint document')) found.push('ppt');
  // None (msi, msg, an encrypted OOXML package, …) or several: not something we can name, so refused.
  return found.length === 1 ? typeOf(found[0]!) : null;
}

/**
 * The names (lowercased) of the root storage's direct children. Only those: a Word file embedding a
 * spreadsheet has a "Workbook" stream too, deeper down. Null when the structure does not hold together.
 */
async function rootEntryNames(bytes: RandomAccessBytes): Promise<Set<string> | null> {
  const header = await bytes.read(0, 512);
  if (header.length < 512) return null;
  const shift = u16(header, 0x1e);
  if (shift !== 9 && shift !== 12) return null;
  const sectorSize = 2 ** shift;
  // Sector n starts after the header, which takes one whole sector.
  const sectorCount = Math.ceil(bytes.size / sectorSize) - 1;
  const readSector = async (sector: number) => {
    if (sector >= sectorCount) return null;
    const data = await bytes.read((sector + 1) * sectorSize, sectorSize);
    return data.length === sectorSize ? data : null;
  };

  // Where the FAT lives: 109 sectors listed in the header, more in a chain of DIFAT sectors.
  const fatSectors: number[] = [];
  for (let i = 0; i < HEADER_FAT_ENTRIES; i++) fatSectors.push(u32(header, 0x4c + 4 * i));
  let difat = u32(header, 0x44);
  const difatCount = u32(header, 0x48);
  for (let hops = 0; difat < FREE_OR_END && hops < difatCount; hops++) {
    const sector = hops < sectorCount ? await readSector(difat) : null;
    if (!sector) return null;
    for (let at = 0; at < sectorSize - 4; at += 4) fatSectors.push(u32(sector, at));
    difat = u32(sector, sectorSize - 4);
  }
  const perFatSector = sectorSize / 4;
  const nextSector = async (sector: number) => {
    const fat = fatSectors[Math.floor(sector / perFatSector)];
    if (fat === undefined || fat >= FREE_OR_END) return null;
    const entry = await bytes.read((fat + 1) * sectorSize + (sector % perFatSector) * 4, 4);
    return entry.length === 4 ? u32(entry, 0) : null;
  };

  const entries: Uint8Array[] = [];
  let sector: number | null = u32(header, 0x30);
  for (let hops = 0; sector !== END_OF_CHAIN; hops++) {
    // A chain longer than the file has sectors is a loop.
    if (sector === null || sector >= FREE_OR_END || hops >= sectorCount) return null;
    const data = await readSector(sector);
    if (!data) return null;
    for (let at = 0; at < sectorSize; at += DIRECTORY_ENTRY) entries.push(data.subarray(at, at + DIRECTORY_ENTRY));
    sector = await nextSector(sector);
  }
  const root = entries[0];
  if (!root || root[0x42] !== ROOT_STORAGE) return null;

  // The children form a tree through their left and right siblings, entered at the root's child.
  const names = new Set<string>();
  const seen = new Set<number>();
  const pending = [u32(root, 0x4c)];
  const decoder = new TextDecoder('utf-16le');
  while (pending.length) {
    const id = pending.pop()!;
    if (id === NO_STREAM) continue;
    const entry = entries[id];
    if (!entry || seen.has(id)) return null;
    seen.add(id);
    const nameBytes = u16(entry, 0x40); // including the terminating NUL
    if (nameBytes >= 2 && nameBytes <= 64 && nameBytes % 2 === 0) names.add(decoder.decode(entry.subarray(0, nameBytes - 2)).toLowerCase());
    pending.push(u32(entry, 0x44), u32(entry, 0x48));
  }
  return names;
}

// ---- CSV and plain text ----

const TEXT_CHUNK = 64 * 1024;

/**
 * UTF-8 only (a BOM allowed), no NUL bytes, and not markup or a script: HTML, SVG and XML all start
 * with "<" after any whitespace, scripts with "#!". GB18030/GBK text is refused: telling it from
 * binary by its bytes is guesswork, and a file we cannot decode we cannot vouch for.
 */
async function isPlainText(bytes: RandomAccessBytes): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true }); // drops a leading BOM
  let lead = ''; // the first characters after whitespace, until there are two to judge by
  for (let offset = 0; offset < bytes.size; offset += TEXT_CHUNK) {
    const chunk = await bytes.read(offset, TEXT_CHUNK);
    if (chunk.includes(0)) return false;
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      return false;
    }
    if (lead.length < 2) lead = (lead + text).trimStart();
  }
  try {
    decoder.decode(); // a sequence cut off at the end
  } catch {
    return false;
  }
  return !lead.startsWith('<') && !lead.startsWith('#!');
}
