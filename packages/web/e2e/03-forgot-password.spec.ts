// (c) 忘记密码 by mobile: the code comes from the development SMS outbox (read as the admin, through the API).
import { expect, test } from './fixtures.ts';
import { adminApi, newEnterprise, registerByApi, screenshot } from './helpers.ts';

interface Outbox {
  messages: { mobile: string; body: string; createdAt: string }[];
}

test('a user resets the password with the code sent to the registered mobile', async ({ page, platform }) => {
  const e = newEnterprise();
  await registerByApi(platform, e);

  await page.goto('/login');
  await page.getByRole('link', { name: '忘记密码' }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await page.getByLabel('注册手机号码').fill(e.mobile);
  await page.getByRole('button', { name: '发送验证码' }).click();
  const masked = `${e.mobile.slice(0, 3)}****${e.mobile.slice(-4)}`;
  await expect(page.getByTestId('code-sent')).toContainText(`验证码已发送至 ${masked}`);

  const admin = await adminApi(platform);
  const outbox = (await admin.get('/api/admin/sms-outbox')) as Outbox;
  const body = outbox.messages.find((m) => m.mobile === e.mobile)?.body ?? '';
  const code = /(\d{6})/.exec(body)?.[1];
  expect(code, body).toBeTruthy();
  await admin.context.dispose();

  const newPassword = 'N3w-passw0rd';
  await page.getByLabel('验证码').fill(code ?? '');
  await page.getByLabel('新密码', { exact: true }).fill(newPassword);
  await page.getByLabel('确认新密码').fill(newPassword);
  await screenshot(page, 'forgot-password-step2');
  await page.getByRole('button', { name: '重置密码' }).click();

  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByText('密码已重置，请用新密码登录')).toBeVisible();
  await page.getByLabel('用户名').fill(e.username);
  await page.getByLabel('密码').fill(newPassword);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/enterprise$/);
});
