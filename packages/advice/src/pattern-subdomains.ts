// Which subdomains each practice pattern rests on, per edition. A pattern names subdomains by id, and
// ids belong to one edition: the CESI report's mapping (in @cmmm/reference) was made for
// db12-t1073-2021. Another edition needs its own mapping here; until it has one, its results get no
// roadmap rather than one built on ids that mean something else (or nothing) in it.
import { practicePatterns } from '@cmmm/reference';

type PatternSubdomains = ReadonlyMap<string, readonly string[]>;

const BY_EDITION: ReadonlyMap<string, PatternSubdomains> = new Map([
  ['db12-t1073-2021', new Map(practicePatterns.map((p) => [p.id, p.subdomains]))],
]);

const NONE: PatternSubdomains = new Map();

/** Pattern id → the subdomain ids of `editionId` it rests on; empty for an edition without a mapping. */
export function patternSubdomains(editionId: string): PatternSubdomains {
  return BY_EDITION.get(editionId) ?? NONE;
}
