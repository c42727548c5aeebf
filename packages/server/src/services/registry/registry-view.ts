// A registry row as the wire shows it: region names from the GB/T 2260 code, the industry's name, the
// status of a platform certificate against today (China Standard Time).
import type { CertificateStatus, RegistryEntry, RegistrySource } from '@cmmm/contract/registry';
import { findIndustry, findRegion, regionPath } from '@cmmm/reference';
import type { RegistryRow } from '../../repositories/registry.ts';

/** valid through its last day; a later issue adds suspended / revoked / superseded here. */
export function certificateStatus(row: Pick<RegistryRow, 'source' | 'valid_until' | 'certificate_status'>, today: string): CertificateStatus {
  if (row.source !== 'platform' || row.valid_until === null) return 'published';
  // Suspended, revoked, superseded as recorded; a valid one past its last day is expired even before the daily run marks it.
  if (row.certificate_status && row.certificate_status !== 'valid') return row.certificate_status as CertificateStatus;
  return row.valid_until >= today ? 'valid' : 'expired';
}

function regionNames(row: RegistryRow): { provinceName: string; cityName: string | null; regionName: string } {
  const match = row.region_code ? findRegion(row.region_code) : undefined;
  if (row.source !== 'platform') {
    // As published; a city cell repeating the province says nothing more than the province.
    const provinceName = row.province_name ?? match?.province.name ?? '';
    const cityName = row.city_name && row.city_name !== provinceName ? row.city_name : null;
    return { provinceName, cityName, regionName: match ? regionPath(match.region.code) : [provinceName, cityName].filter(Boolean).join(' ') };
  }
  const city = match?.city ? findRegion(match.city.code)?.region : undefined;
  return {
    provinceName: match?.province.name ?? '',
    cityName: city && !city.placeholder ? city.name : null,
    regionName: row.region_code ? regionPath(row.region_code) : '',
  };
}

export function registryEntry(row: RegistryRow, today: string): RegistryEntry {
  const published = row.source !== 'platform' && row.row_no !== null;
  return {
    id: row.key,
    source: row.source as RegistrySource,
    enterpriseName: row.enterprise_name,
    creditCode: row.credit_code,
    regionCode: row.region_code,
    ...regionNames(row),
    industryCode: row.industry_code,
    industryName: row.industry_code ? (findIndustry(row.industry_code)?.name ?? null) : null,
    level: row.level,
    capability: row.capability,
    scope: row.scope,
    certificateNumber: row.certificate_number,
    issuedOn: row.issued_on,
    validUntil: row.valid_until,
    year: row.year,
    bodyId: row.body_id,
    bodyName: row.body_name,
    status: certificateStatus(row, today),
    published: published ? { rowNo: row.row_no!, provinceName: row.province_name ?? '', cityName: row.city_name ?? '' } : null,
  };
}
