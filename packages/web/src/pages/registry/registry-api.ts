// The API of 信息查询 · 获证企业 (public, no login). Types come from @cmmm/contract/registry as types only:
// that module builds zod schemas when loaded, the bundle must not.
import type { CertificateStatus, RegistryDistribution, RegistryEntry, RegistryPage, RegistrySource } from '@cmmm/contract/registry';
import { request } from '../../api.ts';

export type { CertificateStatus, RegistryDistribution, RegistryEntry, RegistryPage, RegistrySource };

/** The list's filter; the distribution takes the same one (so that both count the same entries). */
export interface RegistryFilter {
  /** Part of the enterprise name, or a whole credit code. */
  q?: string;
  province?: string;
  city?: string;
  level?: number;
  industry?: string;
  bodyId?: string;
  year?: number;
}

const queryOf = (params: Record<string, string | number | undefined>): string => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
};
const get = <T,>(path: string) => request<T>('GET', path);

export const registryApi = {
  certified: (filter: RegistryFilter & { page: number; pageSize: number }) => get<RegistryPage>(`/api/registry/certified${queryOf({ ...filter })}`),
  distribution: (filter: RegistryFilter) => get<RegistryDistribution>(`/api/registry/certified/distribution${queryOf({ ...filter })}`),
  certificate: (certificateNumber: string) => get<RegistryEntry>(`/api/registry/certificates/${encodeURIComponent(certificateNumber)}`),
};
