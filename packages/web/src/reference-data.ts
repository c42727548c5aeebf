// Reference data shared by pages, fetched once per page load.
import { api } from './api.ts';
import { once } from './use-load.ts';

export const loadIndustries = once(api.industries);
export const loadRegions = once(api.regions);
export const loadMaturityLevels = once(api.maturityLevels);
