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
