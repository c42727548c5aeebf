// Setup for the 标准符合性评估 spec through the API (what the test is not about): an assessment body, its
// people with accounts and qualifications, an enterprise's internal assessor, a completed self-diagnosis,
// certificates. The platform admin records qualifications approved at once.
//
// Logging in is rate-limited per address (10 a minute, password changes included): each person signs
// in once, in a browser context of their own, through that context's API (page.request shares its
// cookies); an enterprise registered the same way is logged in by its registration.
import { expect, type Page } from '@playwright/test';
import { pageApiCall as call, newCreditCode, newEnterprise, newMobile, uniqueSuffix, type apiClient, type TestEnterprise } from './helpers.ts';

export type Client = Awaited<ReturnType<typeof apiClient>>;
export type Grade = 'intro' | 'assessor' | 'lead_assessor' | 'high_maturity_lead';

/** The password people get once their one-time one is changed. */
export const PERSON_PASSWORD = 'Assess0r-e2e';

/** 'YYYY-MM-DD' in China Standard Time, `days` from today. */
export function cstDay(days = 0): string {
  return new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

async function ok<T>(answer: Promise<{ status: number; body: unknown }>, status: number, what: string): Promise<T> {
  const { status: got, body } = await answer;
  expect(got, `${what}: ${JSON.stringify(body)}`).toBe(status);
  return body as T;
}

export async function createBody(admin: Client, name = `测评认证中心${uniqueSuffix()}`): Promise<{ id: string; name: string }> {
  return ok(admin.post('/api/assessment-bodies', { name, creditCode: newCreditCode(), regionCode: '110108', contactName: '赵联系', contactMobile: newMobile() }), 201, 'register the body');
}

export interface Person {
  id: string;
  name: string;
  username?: string;
  /** The one-time password until signIn changes it, then PERSON_PASSWORD. */
  password?: string;
  mustChange?: boolean;
}

let serial = 0;
const certificateNumber = (grade: string) => `CMMM-${grade.slice(0, 3).toUpperCase()}-${uniqueSuffix()}${++serial}`;

/**
 * Registers a person of a body (with a login when `login`) or an enterprise's internal assessor, with
 * the grades in path order, valid from two years ago to `validUntil` (three years ahead unless said).
 */
export async function registerPerson(
  admin: Client,
  person: { name: string; bodyId?: string; enterpriseId?: string; login?: boolean; grades: Grade[]; validUntil?: string },
): Promise<Person> {
  const username = person.login ? `fa${uniqueSuffix()}${++serial}` : undefined;
  const created = await ok<{ assessor: { id: string }; oneTimePassword: string | null }>(
    admin.post('/api/assessors', { name: person.name, mobile: newMobile(), bodyId: person.bodyId, enterpriseId: person.enterpriseId, username }),
    201,
    `register ${person.name}`,
  );
  for (const grade of person.grades) {
    await ok(
      admin.post(`/api/assessors/${created.assessor.id}/qualifications`, {
        grade,
        certificateNumber: certificateNumber(grade),
        issuingBody: '中国电子技术标准化研究院',
        obtainedOn: cstDay(-730),
        validUntil: person.validUntil ?? cstDay(3 * 365),
      }),
      201,
      `${person.name}: ${grade}`,
    );
  }
  return { id: created.assessor.id, name: person.name, username, password: created.oneTimePassword ?? undefined, mustChange: !!created.oneTimePassword };
}

export async function recordCertificate(admin: Client, enterpriseId: string, level: number, issuedOn: string): Promise<void> {
  await ok(
    admin.post('/api/certificates', { enterpriseId, level, certificateNumber: `CMMM-CERT-${uniqueSuffix()}${++serial}`, scope: '精密零件的生产', issuedOn, validUntil: cstDay(3 * 365) }),
    201,
    `a level ${level} certificate`,
  );
}

// ---- calls in a page's browser context (its cookies, its CSRF token)

/** Signs a person in, in the page's context; a one-time password is changed to PERSON_PASSWORD first. */
export async function signIn(page: Page, person: Person): Promise<void> {
  if (!person.username || !person.password) throw new Error(`${person.name} has no login`);
  await page.request.get('/api/session');
  await call(page, 'post', '/api/auth/login', { username: person.username, password: person.password }, 200);
  if (person.mustChange) {
    await call(page, 'post', '/api/auth/password', { currentPassword: person.password, newPassword: PERSON_PASSWORD }, 204);
    person.password = PERSON_PASSWORD;
    person.mustChange = false;
  }
}

export interface RegisteredEnterprise extends TestEnterprise {
  id: string;
}

/** Registers an enterprise in the page's context (registration logs it in). */
export async function registerIn(page: Page): Promise<RegisteredEnterprise> {
  const enterprise = newEnterprise();
  await page.request.get('/api/session');
  const session = await call<{ enterprise: { id: string } }>(
    page,
    'post',
    '/api/auth/register',
    {
      account: { username: enterprise.username, password: enterprise.password, mobile: enterprise.mobile },
      enterprise: {
        name: enterprise.name,
        creditCode: enterprise.creditCode,
        organisationType: 'independent',
        industryCode: '361',
        regionCode: '110108',
        enterpriseType: 'discrete',
        contactName: '张三',
        contactMobile: enterprise.mobile,
      },
    },
    201,
  );
  return { ...enterprise, id: session.enterprise.id };
}

/**
 * Picks an option of an antd Select (by the combobox's accessible name and the option's title) and
 * waits until the select shows it; a click landing while a dropdown closes is tried again.
 */
export async function pickOption(page: Page, combobox: string | RegExp, option: string): Promise<void> {
  const box = page.getByRole('combobox', { name: combobox });
  const shown = page.locator('.ant-select', { has: box });
  await expect(async () => {
    const item = page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true });
    if (!(await item.isVisible())) await box.click();
    await item.click({ timeout: 2_000 });
    await expect(shown).toContainText(option, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}
