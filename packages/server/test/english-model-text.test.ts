// The model's text in English (issue 12 §7): `?lang=en` answers the unofficial translation with its notice and
// the Chinese original beside every requirement text; Chinese stays the default. Names of industries and regions
// in English. (Embedded database only: nothing here depends on the driver.)
import { editionIndex, getEditionTranslation, requireEdition } from '@cmmm/model';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { completeSelfDiagnosis, registeredClient, testDatabases, usePlatform } from './harness.ts';

const CJK = /[\u3400-\u9fff]/;
const EDITION = '/api/editions/db12-t1073-2021';

/** Every Chinese string under `value` at a key not ending in Zh (the deliberate originals), with its path; only under `keys` when given. */
function chineseOutsideOriginals(value: unknown, path = '$', keys: ReadonlySet<string> = new Set()): string[] {
  if (typeof value === 'string') return CJK.test(value) ? [`${path}: ${value}`] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => chineseOutsideOriginals(v, `${path}[${i}]`, keys));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => (k.endsWith('Zh') || (keys.size > 0 && !keys.has(k)) ? [] : chineseOutsideOriginals(v, `${path}.${k}`, keys)));
  return [];
}

interface Named {
  name: string;
  nameZh?: string;
}

describe('English model text', () => {
  const p = usePlatform(testDatabases[0]!.open);

  it('answers the edition, its levels and its requirements in English with the Chinese beside them; Chinese by default', async () => {
    const zh = await fetch(`${p.base}${EDITION}`).then((r) => r.json() as Promise<{ elements: Named[]; translation?: unknown }>);
    expect(zh.translation).toBeUndefined();
    expect(zh.elements[0]!.name).toMatch(CJK);
    const en = await fetch(`${p.base}${EDITION}?lang=en`).then((r) => r.json() as Promise<{ translation: { official: boolean; notice: string }; elements: (Named & { domains: { subdomains: { items: { requirements: { text: string; textZh: string }[] }[] }[] }[] })[]; levels: Named[] }>);
    expect(en.translation).toMatchObject({ locale: 'en', official: false });
    expect(en.translation.notice).toMatch(/authoritative/);
    expect(en.elements[0]!.nameZh).toBe(zh.elements[0]!.name);
    const requirement = en.elements[0]!.domains[0]!.subdomains[0]!.items[0]!.requirements[0]!;
    expect(requirement.textZh).toMatch(CJK);
    expect(requirement.text).not.toMatch(CJK);
    // names, requirement texts, levels and enterprise types: nothing Chinese outside the originals
    expect(chineseOutsideOriginals({ elements: en.elements, levels: en.levels, enterpriseTypes: (en as unknown as { enterpriseTypes: unknown }).enterpriseTypes }, '$', new Set(['elements', 'domains', 'subdomains', 'items', 'requirements', 'levels', 'enterpriseTypes', 'name', 'text', 'label', 'characteristics']))).toEqual([]);

    const levels = await fetch(`${p.base}${EDITION}/levels?lang=en`).then((r) => r.json() as Promise<{ levels: (Named & { characteristics: string })[]; translation: unknown }>);
    expect(levels.translation).toBeTruthy();
    expect(levels.levels).toHaveLength(5);
    expect(levels.levels.every((l) => !CJK.test(l.name + l.characteristics) && CJK.test(l.nameZh!))).toBe(true);
    expect((await fetch(`${p.base}${EDITION}?lang=fr`)).status).toBe(400);
  });

  it('names industries and regions in English, keeping the Chinese as nameZh', async () => {
    const { industries } = await fetch(`${p.base}/api/reference/industries?lang=en`).then((r) => r.json() as Promise<{ industries: (Named & { code: string; middles: (Named & { code: string })[] })[] }>);
    expect(industries).toHaveLength(31);
    expect(industries.flatMap((m) => [m, ...m.middles]).filter((x) => CJK.test(x.name) || !CJK.test(x.nameZh!))).toEqual([]);
    expect(industries.find((m) => m.code === '36')!.name).toBe('Manufacture of Automobiles');

    const { provinces } = await fetch(`${p.base}/api/reference/provinces?lang=en`).then((r) => r.json() as Promise<{ provinces: (Named & { code: string })[] }>);
    expect(provinces.find((x) => x.code === '500000')).toMatchObject({ name: 'Chongqing', nameZh: '重庆市' });
    expect(provinces.find((x) => x.code === '610000')!.name).toBe('Shaanxi Province');
    const anhui = await fetch(`${p.base}/api/reference/provinces/340000?lang=en`).then((r) => r.json() as Promise<{ province: Named & { children: (Named & { code: string })[] } }>);
    expect(anhui.province.name).toBe('Anhui Province');
    expect(anhui.province.children.find((c) => c.code === '341500')!.name).toBe("Lu'an City");
    const zh = await fetch(`${p.base}/api/reference/provinces/340000`).then((r) => r.json() as Promise<{ province: Named }>);
    expect(zh.province).toEqual(expect.objectContaining({ name: '安徽省' }));
    expect(zh.province.nameZh).toBeUndefined();
  });

  it('answers the questionnaire and the result in English, each requirement with its Chinese original', async () => {
    const { client } = await registeredClient(p);
    const { id } = await completeSelfDiagnosis(client);

    const questionnaire = await client.get<{ translation?: unknown; elements: (Named & { domains: (Named & { subdomains: (Named & { items: (Named & { requirement: { text: string; textZh: string } })[] })[] })[] })[] }>(`/api/self-diagnoses/${id}/questionnaire?level=1&lang=en`);
    expect(questionnaire.status).toBe(200);
    expect(questionnaire.body.translation).toMatchObject({ official: false });
    const items = questionnaire.body.elements.flatMap((e) => e.domains.flatMap((d) => d.subdomains.flatMap((s) => s.items)));
    expect(items.length).toBeGreaterThan(50);
    expect(items.every((i) => !CJK.test(i.name + i.requirement.text) && CJK.test(i.requirement.textZh))).toBe(true);
    const chinese = await client.get<{ elements: Named[]; translation?: unknown }>(`/api/self-diagnoses/${id}/questionnaire?level=1`);
    expect(chinese.body.translation).toBeUndefined();
    expect(chinese.body.elements[0]!.name).toMatch(CJK);

    const result = await client.get<Record<string, unknown> & { translation: unknown; strengths: { text: string; textZh: string; subdomainName: string; itemName: string }[]; peers: { label: string }[] }>(`/api/self-diagnoses/${id}/result?lang=en`);
    expect(result.status).toBe(200);
    expect(result.body.translation).toMatchObject({ official: false });
    expect(result.body.strengths.length).toBeGreaterThan(0);
    expect(result.body.strengths.every((n) => !CJK.test(n.text + n.subdomainName + n.itemName) && CJK.test(n.textZh))).toBe(true);
    // the model's text everywhere in the result (advice texts — roadmap patterns, cases, policies, view notes — are not model text)
    const { result: score, strengths, weakPoints, profile, views, peers } = result.body;
    const modelKeys = new Set(['result', 'breakdown', '1', '2', '3', '4', '5', 'elements', 'domains', 'subdomains', 'name', 'levelName', 'strengths', 'weakPoints', 'text', 'subdomainName', 'itemName', 'profile', 'views', 'focus', 'levels', 'missing', 'peers', 'label']);
    expect(chineseOutsideOriginals({ result: score, strengths, weakPoints, profile, views, peers }, '$', modelKeys)).toEqual([]);
    expect(peers.map((x) => x.label)).toEqual(['Manufacture of Special Purpose Machinery', 'Jiangsu Province']);
  });

  it('renders the English report with the translated names and texts and the unofficial-translation notice', async () => {
    const translation = getEditionTranslation('db12-t1073-2021', 'en')!;
    const { client } = await registeredClient(p);
    const { id } = await completeSelfDiagnosis(client);
    const pdf = await fetch(`${p.base}/api/self-diagnoses/${id}/report.pdf?lang=en`, { headers: { cookie: `cmmm_session=${client.cookie('cmmm_session')}` } });
    expect(pdf.status).toBe(200);
    const read = spawnSync('pdftotext', ['-layout', '-', '-'], { input: Buffer.from(await pdf.arrayBuffer()), encoding: 'utf8' });
    const text = read.stdout.replace(/\s+/g, ' ');
    expect(text).toContain(translation.notice.split(' ').slice(0, 3).join(' '));
    expect(text).toContain(`Level 1 – ${translation.levels['1'].name}`);
    expect(text).toContain(translation.names['P1']);
    expect(text).toContain('Jiangsu Province');
    expect(text).not.toContain('规划级');
    expect(text).toContain(translation.enterpriseTypes.discrete);
    expect(text).not.toContain('离散型');
    // What stays Chinese: the enterprise's own name and the advice texts (roadmap reasons, cases, policies, which
    // quote a requirement “…” in Chinese), never the model's own text: no requirement's Chinese text (its first 12
    // characters, wherever the PDF wrapped it) is in the report outside those quotes.
    const compact = read.stdout.replace(/\s+/g, '').replace(/“[^”]*”/g, '');
    const requirementsInChinese = editionIndex(requireEdition('db12-t1073-2021')).requirements.map(({ requirement }) => requirement.text.replace(/\s+/g, '').slice(0, 12));
    expect(requirementsInChinese.filter((start) => compact.includes(start))).toEqual([]);
    expect(compact).toMatch(CJK); // the enterprise's name: the check above looks at a text that has Chinese in it
  });
});
