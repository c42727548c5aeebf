// The register form's values ↔ the API's RegisterRequest, and server issue paths → form fields.
import type { RegisterRequest } from '../../api.ts';
import type { FieldName } from '../../errors.ts';

export type LegalForm = 'independent' | 'nonIndependent';
export type UnitKind = 'branch' | 'division' | 'plant';

export interface RegisterFormValues {
  account: { username: string; password: string; confirmPassword: string; mobile: string };
  enterprise: {
    name: string;
    creditCode: string;
    legalForm: LegalForm;
    unitKind?: UnitKind;
    parentName?: string;
    /** Cascader path: [major, middle]. */
    industryCode: string[];
    /** Cascader path: [province, city, county]. */
    regionCode: string[];
    enterpriseType: 'process' | 'discrete';
    contactName: string;
    contactMobile: string;
  };
}

export function toRegisterRequest(values: RegisterFormValues, subPlatformCode: string | undefined): RegisterRequest {
  const { account, enterprise } = values;
  const independent = enterprise.legalForm === 'independent';
  return {
    account: { username: account.username.trim(), password: account.password, mobile: account.mobile.trim() },
    enterprise: {
      name: enterprise.name.trim(),
      creditCode: enterprise.creditCode.trim(),
      organisationType: independent ? 'independent' : (enterprise.unitKind ?? 'branch'),
      ...(independent ? {} : { parentName: enterprise.parentName?.trim() ?? '' }),
      industryCode: enterprise.industryCode.at(-1) ?? '',
      regionCode: enterprise.regionCode.at(-1) ?? '',
      enterpriseType: enterprise.enterpriseType,
      contactName: enterprise.contactName.trim(),
      contactMobile: enterprise.contactMobile.trim(),
    },
    ...(subPlatformCode ? { subPlatformCode } : {}),
  };
}

/** The API's organisationType is two fields in the form (legal form, then the kind of unit). */
export function registerFieldFor(path: FieldName, values: Partial<RegisterFormValues> | undefined): FieldName {
  if (path.join('.') === 'enterprise.organisationType') {
    return ['enterprise', values?.enterprise?.legalForm === 'nonIndependent' ? 'unitKind' : 'legalForm'];
  }
  return path;
}

/** Errors without a path that still belong to one field. */
export const FIELD_OF_CODE: Readonly<Record<string, FieldName>> = {
  USERNAME_TAKEN: ['account', 'username'],
  CREDIT_CODE_FORMAT: ['enterprise', 'creditCode'],
  CREDIT_CODE_CHECK: ['enterprise', 'creditCode'],
  CREDIT_CODE_REGION_MISMATCH: ['enterprise', 'creditCode'],
};
