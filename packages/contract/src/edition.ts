// GET /api/editions/:id answers an edition file as it is (docs/model-format.md), so its wire type is
// the model's own Edition type, named here so that clients import wire types from the contract only.
export type {
  Domain,
  Edition,
  Element,
  EnterpriseTypeDefinition,
  Item,
  LevelDefinition,
  MaturityLevel,
  Requirement,
  Subdomain,
  WeightTable,
} from '@cmmm/model';

/**
 * With `?lang=en` the model's text comes in its unofficial English translation (issue 12 §7): the
 * answer then carries this notice, and every translated node keeps its Chinese beside it (`nameZh`,
 * `textZh`, `characteristicsZh`), the authoritative text the reader may ask to see.
 */
export interface TranslationNotice {
  locale: 'en';
  official: false;
  notice: string;
}
