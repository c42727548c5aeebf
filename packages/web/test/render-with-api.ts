// What the page tests share: a stubbed fetch that records every request and answers as the test's
// server would, and rendering a page inside the app's providers (Chinese, in a memory router).
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { createElement, type ComponentType, type ReactElement } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, vi } from 'vitest';
import { AntdProviders } from '../src/AntdProviders.tsx';
import { I18nProvider } from '../src/i18n.tsx';
import type { FormalAssessment } from '../src/pages/formal-rating/rating-api.ts';
import { SessionProvider } from '../src/session.tsx';

export const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
export const notFound = () => json({ error: { code: 'NOT_FOUND', message: '找不到' } }, 404);

export interface Call {
  method: string;
  url: string;
  body?: unknown;
}

/** Replaces fetch: each request is recorded (its JSON body parsed) and answered by `answer`. The list fills as the page asks. */
export function stubFetch(answer: (call: Call) => Response | Promise<Response>): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
      const call = { method, url, body };
      calls.push(call);
      return answer(call);
    }),
  );
  return calls;
}

/** Each test starts with an empty page and the real fetch. */
export function cleanUpAfterEach(): void {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });
}

/** `page` at `path` in a memory router, inside the app's providers (Chinese); with the session (`withSession`) for pages behind a login. */
export function renderAt(path: string, page: ReactElement, { withSession = false }: { withSession?: boolean } = {}): void {
  const routed = createElement(MemoryRouter, { initialEntries: [path] }, page);
  const app = withSession ? createElement(SessionProvider, { children: routed }) : routed;
  render(createElement(I18nProvider, { initialLang: 'zh-CN', children: createElement(AntdProviders, { children: app }) }));
}

/** A page that reads its route's parameters (e.g. :id): `Page` under `pattern`, opened at `path`. */
export const routed = (pattern: string, Page: ComponentType) => createElement(Routes, null, createElement(Route, { path: pattern, element: createElement(Page) }));

/** The signed-in account's session, as GET /api/session answers it. */
export const sessionOf = (role: string, enterpriseId: string | null = null) => ({
  account: { id: 'u1', username: 'u1', displayName: '用户', mobile: null, role, enterpriseId, regionCode: null, bodyId: null, mustChangePassword: false, locked: false, createdAt: '2026-01-01T00:00:00.000Z' },
  enterprise: null,
  csrfToken: 'token',
});

/** Confirms the open dialog with its button `name`. */
export const okInDialog = async (name: string) => {
  const dialog = await screen.findByRole('dialog');
  fireEvent.click(within(dialog).getByRole('button', { name }));
};

export const ASSESSMENT_ID = '1a2b3c4d-5e6f-4a1b-8c2d-0123456789ab';

/** A predefined assessment's view at `stage` as the server sends it; `more` adds what a test looks at (team, actions, …). */
export const assessmentAt = (stage: FormalAssessment['stage'], more: Record<string, unknown>) =>
  ({
    id: ASSESSMENT_ID,
    enterpriseId: 'e1',
    enterpriseName: '昆山精密机械有限公司',
    assessmentType: 'predefined',
    targetLevel: 3,
    stage,
    bodyName: '某某评估机构',
    leadName: '张主任',
    ...more,
  }) as unknown as FormalAssessment;
