// 应用视图: seed 004 chapter 2's three application views (智能车间, 智能工厂, 智慧供应链) as data beside
// the edition (editions/<id>.views.json): the levels a view asks for and the subdomains it spans, with
// notes where the report's text was ambiguous. An edition without a file has no views.
import db12T10732021Views from '../editions/db12-t1073-2021.views.json' with { type: 'json' };
import type { MaturityLevel } from './types.ts';

export interface ApplicationView {
  id: string;
  name: string;
  nameEn: string;
  /** The chapter's heading for the view. */
  focus: string;
  /** The levels the view asks for, lowest first (consecutive). */
  levels: MaturityLevel[];
  /** Subdomains marked ▲: the view is ready when each one that applies reaches its highest level. */
  required: string[];
  /** Subdomains marked △: shown when assessed, not needed for readiness. */
  optional: string[];
  /** Where the text was ambiguous, and how it was read. */
  notes: string[];
}

export interface ApplicationViews {
  edition: string;
  source: string;
  /** How the report's process domains map onto the edition's nodes. */
  mapping: string;
  views: ApplicationView[];
}

// A Map: edition ids come from stored rows and requests ('__proto__' must be unknown).
const SHIPPED: ReadonlyMap<string, ApplicationViews> = new Map([['db12-t1073-2021', db12T10732021Views as ApplicationViews]]);

/** The application views of an edition, or null when none are shipped for it. */
export function applicationViewsOf(editionId: string): ApplicationViews | null {
  return SHIPPED.get(editionId) ?? null;
}
