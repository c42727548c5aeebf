// Unofficial translations of an edition (editions/<id>.<locale>.json): the names of its nodes, its level
// characteristics, its requirement texts and its application views, for reading only. The Chinese text
// of the edition stays authoritative; every translation is checked against its edition before use.
import { z } from 'zod';
import db12T10732021En from '../editions/db12-t1073-2021.en.json' with { type: 'json' };
import { applicationViewsOf } from './application-views.ts';
import { requireEdition } from './editions.ts';
import { fail, ok, type Edition, type EnterpriseType, type Issue, type Outcome } from './types.ts';

export type TranslationLocale = 'en';

export interface EditionTranslation {
  formatVersion: 1;
  edition: string;
  locale: 'en';
  official: false;
  notice: string;
  standard: string;
  title: string;
  levels: Record<'1' | '2' | '3' | '4' | '5', { label: string; name: string; characteristics: string }>;
  enterpriseTypes: Record<EnterpriseType, string>;
  names: Record<string, string>;
  requirements: Record<string, string>;
  views: Record<string, { name: string; focus: string }>;
}

// A Map keyed `<edition>:<locale>`: ids come from requests ('__proto__' must be unknown).
const SHIPPED: ReadonlyMap<string, unknown> = new Map([['db12-t1073-2021:en', db12T10732021En]]);

const cache = new Map<string, EditionTranslation>();

/** CJK ideographs (unified, extension A, compatibility): none may remain in a translated value. */
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

const text = z.string().trim().min(1);
const levelSchema = z.object({ label: text, name: text, characteristics: text });
const translationSchema = z.object({
  formatVersion: z.literal(1),
  edition: text,
  locale: z.literal('en'),
  official: z.literal(false),
  notice: text,
  standard: text,
  title: text,
  levels: z.object({ 1: levelSchema, 2: levelSchema, 3: levelSchema, 4: levelSchema, 5: levelSchema }).strict(),
  enterpriseTypes: z.object({ process: text, discrete: text }).strict(),
  names: z.record(z.string(), z.string()),
  requirements: z.record(z.string(), z.string()),
  views: z.record(z.string(), z.object({ name: text, focus: text })),
});

const pathOf = (segments: readonly PropertyKey[]): string =>
  segments.reduce<string>(
    (acc, s) => (typeof s === 'number' ? `${acc}[${s}]` : acc ? `${acc}.${String(s)}` : String(s)),
    '',
  );

/** Every string value of a JSON value, with its path. */
function* stringsOf(value: unknown, path: string): Generator<[string, string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* stringsOf(v, `${path}[${i}]`);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) yield* stringsOf(v, path ? `${path}.${k}` : k);
  }
}

/**
 * Checks a translation against its edition: every node name and requirement text of the edition
 * translated (a non-empty string), no id the edition lacks, every application view of the edition,
 * no Chinese characters left in any value, and marked unofficial with a notice.
 */
export function validateEditionTranslation(edition: Edition, raw: unknown): Outcome<EditionTranslation> {
  const parsed = translationSchema.safeParse(raw);
  if (!parsed.success) {
    return fail(
      parsed.error.issues.map((i) => ({
        code: i.path[0] === 'official' ? 'TRANSLATION_NOT_UNOFFICIAL' : 'TRANSLATION_SCHEMA',
        path: pathOf(i.path),
        message: i.path[0] === 'official' ? '译文必须标明为非官方译文（official: false）' : `译文格式不符：${i.message}`,
      })),
    );
  }
  const t = parsed.data as EditionTranslation;
  const issues: Issue[] = [];
  if (t.edition !== edition.id) {
    issues.push({ code: 'TRANSLATION_EDITION', path: 'edition', message: `译文所属版本「${t.edition}」与模型版本「${edition.id}」不一致` });
  }

  const nodes = new Map<string, string>();
  const requirements = new Map<string, string>();
  for (const e of edition.elements) {
    nodes.set(e.id, e.name);
    for (const d of e.domains) {
      nodes.set(d.id, d.name);
      for (const s of d.subdomains) {
        nodes.set(s.id, s.name);
        for (const item of s.items) {
          nodes.set(item.id, item.name);
          for (const r of item.requirements) requirements.set(r.id, r.text);
        }
      }
    }
  }
  const views = new Map((applicationViewsOf(edition.id)?.views ?? []).map((v) => [v.id, v.name]));

  const compare = (what: string, field: 'names' | 'requirements' | 'views', expected: Map<string, string>) => {
    const given: Record<string, unknown> = t[field];
    for (const [id, chinese] of expected) {
      const value = Object.hasOwn(given, id) ? given[id] : undefined;
      const empty = field === 'views' ? value === undefined : typeof value !== 'string' || !value.trim();
      if (empty) issues.push({ code: 'TRANSLATION_MISSING', path: `${field}.${id}`, message: `缺少${what} ${id}「${chinese}」的译文` });
    }
    for (const id of Object.keys(given)) {
      if (!expected.has(id)) issues.push({ code: 'TRANSLATION_UNKNOWN_ID', path: `${field}.${id}`, message: `译文中的编号 ${id} 不是本版本的${what}` });
    }
  };
  compare('节点', 'names', nodes);
  compare('成熟度要求', 'requirements', requirements);
  compare('应用视图', 'views', views);

  for (const [path, value] of stringsOf(t, '')) {
    if (CJK.test(value)) issues.push({ code: 'TRANSLATION_HAS_CJK', path, message: `译文 ${path} 含有汉字：「${value}」` });
  }
  return issues.length ? fail(issues) : ok(t);
}

/** The shipped translation of an edition, validated against it on first use; undefined when none is shipped. */
export function getEditionTranslation(editionId: string, locale: TranslationLocale): EditionTranslation | undefined {
  const key = `${editionId}:${locale}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const raw = SHIPPED.get(key);
  if (raw === undefined) return undefined;
  const checked = validateEditionTranslation(requireEdition(editionId), raw);
  if (!checked.ok) {
    throw new Error(`translation ${key} is invalid: ${checked.issues.map((i) => i.message).join('; ')}`);
  }
  cache.set(key, checked.value);
  return checked.value;
}
