// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createElement } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AntdProviders } from '../src/AntdProviders.tsx';
import { issuesToFieldErrors } from '../src/errors.ts';
import { I18nProvider } from '../src/i18n.tsx';
import { RegisterPage } from '../src/pages/register/RegisterPage.tsx';
import { registerFieldFor, toRegisterRequest, type RegisterFormValues } from '../src/pages/register/register-values.ts';
import { SessionProvider } from '../src/session.tsx';

const values: RegisterFormValues = {
  account: { username: 'acme01', password: 'Passw0rd1', confirmPassword: 'Passw0rd1', mobile: '13812341234' },
  enterprise: {
    name: ' 某某精密制造有限公司 ',
    creditCode: '91110108MA0000000X',
    legalForm: 'nonIndependent',
    unitKind: 'plant',
    parentName: '某某集团',
    industryCode: ['36', '361'],
    regionCode: ['110000', '110100', '110108'],
    enterpriseType: 'discrete',
    contactName: '张三',
    contactMobile: '13812341234',
  },
};

describe('register values', () => {
  it('become a RegisterRequest: cascader leaves, organisation type, no confirm password', () => {
    const body = toRegisterRequest(values, '110000');
    expect(body).toEqual({
      account: { username: 'acme01', password: 'Passw0rd1', mobile: '13812341234' },
      enterprise: {
        name: '某某精密制造有限公司',
        creditCode: '91110108MA0000000X',
        organisationType: 'plant',
        parentName: '某某集团',
        industryCode: '361',
        regionCode: '110108',
        enterpriseType: 'discrete',
        contactName: '张三',
        contactMobile: '13812341234',
      },
      subPlatformCode: '110000',
    });
    const independent = toRegisterRequest({ ...values, enterprise: { ...values.enterprise, legalForm: 'independent' } }, undefined);
    expect(independent.enterprise.organisationType).toBe('independent');
    expect(independent.enterprise).not.toHaveProperty('parentName');
    expect(independent).not.toHaveProperty('subPlatformCode');
  });

  it('map server issue paths to form fields', () => {
    const fields = issuesToFieldErrors(
      [
        { code: 'CREDIT_CODE_CHECK', path: 'enterprise.creditCode', message: '校验位不正确' },
        { code: 'VALIDATION', path: 'enterprise.organisationType', message: '请选择组织类型' },
        { code: 'VALIDATION', path: 'account.username', message: '用户名无效' },
        { code: 'VALIDATION', path: 'account.username', message: '第二条' },
      ],
      (issue) => issue.message,
      (name) => registerFieldFor(name, values),
    );
    expect(fields).toEqual([
      { name: ['enterprise', 'creditCode'], errors: ['校验位不正确'] },
      { name: ['enterprise', 'unitKind'], errors: ['请选择组织类型'] },
      { name: ['account', 'username'], errors: ['用户名无效', '第二条'] },
    ]);
  });
});

describe('RegisterPage', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

  it('checks the credit code in the browser and shows the message under the field', async () => {
    vi.stubGlobal('fetch', vi.fn(async (url: string) => {
      if (url === '/api/session') return json({ account: null, enterprise: null, csrfToken: 't' });
      if (url === '/api/reference/industries') return json({ industries: [] });
      if (url === '/api/reference/provinces') return json({ provinces: [] });
      return json({ error: { code: 'NOT_FOUND', message: '找不到' } }, 404);
    }));
    const page = createElement(MemoryRouter, { initialEntries: ['/register'] }, createElement(RegisterPage));
    const session = createElement(SessionProvider, { children: page });
    render(createElement(I18nProvider, { initialLang: 'zh-CN', children: createElement(AntdProviders, { children: session }) }));
    const field = await screen.findByLabelText('统一社会信用代码');
    fireEvent.change(field, { target: { value: '91110108MA0000000X' } });
    await waitFor(() => expect(screen.getByText('统一社会信用代码校验位不正确，请核对后重新输入')).toBeTruthy(), { timeout: 3000 });
    fireEvent.change(field, { target: { value: '9111' } });
    await waitFor(() => expect(screen.getByText('统一社会信用代码应为 18 位数字或大写字母（不含 I、O、Z、S、V）')).toBeTruthy(), { timeout: 3000 });
  });
});
