// The model's text in the reader's language (issue 12 §7). Chinese is the edition's own, authoritative
// text; English comes from the edition's unofficial translation (@cmmm/model getEditionTranslation),
// which stands beside the edition as data. Every English answer carries the translation's notice and,
// for each requirement text, the Chinese original as `textZh` ("show original"). Missing English falls
// back to the Chinese text, so a gap in the translation never loses content.
import { getEditionTranslation, type Edition, type EditionTranslation, type EnterpriseType, type LevelDefinition, type ScoreResult } from '@cmmm/model';
import { z } from 'zod';

export const LANGS = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** `?lang=zh-CN|en` (the web's own language codes, as the report download already sends them); Chinese by default. */
export const langQuery = z.object({ lang: z.enum(LANGS).default('zh-CN').describe('language of the model text: zh-CN (authoritative, default) or en (unofficial translation)') });

/** The translation's flag on an English answer: not official, and what it says about it. */
export interface TranslationNotice {
  locale: 'en';
  official: false;
  notice: string;
}

export interface ModelText {
  lang: Lang;
  /** The notice to show beside translated text; null in Chinese (or without a translation). */
  translation: TranslationNotice | null;
  /** The standard's title. */
  title(zh: string): string;
  /** An element's, domain's, subdomain's or item's name. */
  name(id: string, zh: string): string;
  requirement(id: string, zh: string): string;
  level(def: LevelDefinition): LevelDefinition;
  enterpriseType(id: EnterpriseType, zh: string): string;
  view(id: string, zh: { name: string; focus: string }): { name: string; focus: string };
  /** `一级（规划级）` in the reader's language; `Below level 1` for 0. */
  levelName(edition: Edition, level: number, zh: string): string;
}

const CHINESE: ModelText = {
  lang: 'zh-CN',
  translation: null,
  title: (zh) => zh,
  name: (_id, zh) => zh,
  requirement: (_id, zh) => zh,
  level: (def) => def,
  enterpriseType: (_id, zh) => zh,
  view: (_id, zh) => zh,
  levelName: (_edition, _level, zh) => zh,
};

const own = (table: Readonly<Record<string, string>>, id: string): string | undefined => (Object.hasOwn(table, id) ? table[id] : undefined);

function english(t: EditionTranslation): ModelText {
  const levelOf = (level: number) => (level >= 1 && level <= 5 ? t.levels[String(level) as '1'] : undefined);
  return {
    lang: 'en',
    translation: { locale: 'en', official: false, notice: t.notice },
    title: (zh) => t.title || zh,
    name: (id, zh) => own(t.names, id) ?? zh,
    requirement: (id, zh) => own(t.requirements, id) ?? zh,
    level: (def) => {
      const en = levelOf(def.level);
      return en ? { level: def.level, label: en.label, name: en.name, characteristics: en.characteristics } : def;
    },
    enterpriseType: (id, zh) => t.enterpriseTypes[id] ?? zh,
    view: (id, zh) => (Object.hasOwn(t.views, id) ? t.views[id]! : zh),
    levelName: (_edition, level, zh) => {
      const en = levelOf(level);
      if (level === 0) return `Below ${t.levels['1'].label}`;
      return en ? `${en.label} (${en.name})` : zh;
    },
  };
}

/** The model text of an edition in `lang`: Chinese as it is, or the English translation where one is shipped. */
export function modelText(editionId: string, lang: Lang): ModelText {
  if (lang === 'zh-CN') return CHINESE;
  const translation = getEditionTranslation(editionId, 'en');
  return translation ? english(translation) : CHINESE;
}

/** A whole edition in the reader's language, each translated node with its Chinese name (`nameZh`) and each requirement with `textZh`. */
export function localiseEdition(edition: Edition, text: ModelText) {
  if (text.lang === 'zh-CN' || !text.translation) return edition;
  return {
    ...edition,
    title: text.title(edition.title),
    titleZh: edition.title,
    translation: text.translation,
    levels: edition.levels.map((l) => ({ ...text.level(l), nameZh: l.name, characteristicsZh: l.characteristics })),
    enterpriseTypes: edition.enterpriseTypes.map((e) => ({ ...e, name: text.enterpriseType(e.id, e.name), nameZh: e.name })),
    elements: edition.elements.map((e) => ({
      ...e,
      name: text.name(e.id, e.name),
      nameZh: e.name,
      domains: e.domains.map((d) => ({
        ...d,
        name: text.name(d.id, d.name),
        nameZh: d.name,
        subdomains: d.subdomains.map((s) => ({
          ...s,
          name: text.name(s.id, s.name),
          nameZh: s.name,
          items: s.items.map((i) => ({
            ...i,
            name: text.name(i.id, i.name),
            nameZh: i.name,
            requirements: i.requirements.map((r) => ({ ...r, text: text.requirement(r.id, r.text), textZh: r.text })),
          })),
        })),
      })),
    })),
  };
}

/** A stored score result with its node names and level name in the reader's language (scores untouched). */
export function localiseScoreResult(result: ScoreResult, edition: Edition, text: ModelText): ScoreResult {
  if (text.lang === 'zh-CN') return result;
  const named = <T extends { id: string; name: string }>(node: T): T => ({ ...node, name: text.name(node.id, node.name) });
  const breakdown: ScoreResult['breakdown'] = {};
  for (const [key, b] of Object.entries(result.breakdown) as [keyof ScoreResult['breakdown'], NonNullable<ScoreResult['breakdown']['1']>][]) {
    breakdown[key] = { ...b, elements: b.elements.map((e) => ({ ...named(e), domains: e.domains.map((d) => ({ ...named(d), subdomains: d.subdomains.map(named) })) })) };
  }
  return { ...result, levelName: text.levelName(edition, result.level, result.levelName), breakdown };
}
