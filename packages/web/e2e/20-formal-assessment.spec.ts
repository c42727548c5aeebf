// 标准符合性评估 end to end (seed 002 申请; seed 003 §8.2): an enterprise with a completed self-diagnosis
// applies for 三级 with its internal assessor → the lead accepts → a team of 3 declares no conflict of
// interest (an even team is refused first) → the enterprise confirms both plans (a changed one again) →
// the pre-assessment says proceed. Then each application rule refused with its message on the page:
// 四级 within a year of a 三级 certificate, 四级 without a high-maturity lead, an expired qualification,
// an applicant without a self-diagnosis. The setup (body, people, certificates, the completed
// self-diagnosis, assigning the lead) goes through the API; what the issue names goes through the pages.
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import type { Platform } from './fixtures.ts';
import { adminApi, completeSelfDiagnosisByApi, screenshot } from './helpers.ts';
import {
  createBody,
  cstDay,
  pickOption,
  recordCertificate,
  registerIn,
  registerPerson,
  signIn,
  type Client,
  type Person,
  type RegisteredEnterprise,
} from './formal-helpers.ts';

test.describe.configure({ mode: 'serial' });
test.use({ actionTimeout: 15_000 });

/** A stage change re-loads the view: generous on a loaded machine. */
const STAGE_TIMEOUT = 20_000;
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

let admin: Client | undefined;
let body: { id: string; name: string } | undefined;

/** A browser context of its own for one person (cookies apart), signed in through its API. */
async function personPage(browser: Browser, platform: Platform, person: Person): Promise<Page> {
  const context = await browser.newContext({ baseURL: platform.baseURL, locale: 'zh-CN', viewport: DESKTOP, reducedMotion: 'reduce' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await signIn(page, person);
  return page;
}

async function shot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}

const stage = (page: Page) => page.getByTestId('formal-assessment');
const team = (page: Page) => page.getByTestId('section-team');
const memberRow = (page: Page, name: string) => team(page).getByRole('row', { name: new RegExp(name) });

async function declare(page: Page, name: string) {
  await memberRow(page, name).getByRole('button', { name: '声明' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('利益冲突');
  await dialog.getByRole('radio', { name: '无利益冲突' }).check();
  await dialog.getByRole('button', { name: '提交声明' }).click();
  await expect(dialog).toBeHidden();
  await expect(memberRow(page, name)).toContainText('无利益冲突');
}

async function writePlan(page: Page, kind: 'pre' | 'formal', startIn: number, days: number) {
  const name = kind === 'pre' ? '预评估计划' : '正式评估计划';
  const card = page.getByTestId(`plan-${kind}`);
  await card.getByRole('button', { name: `编制${name}` }).click();
  const form = page.getByTestId(`plan-form-${kind}`);
  await expect(form.getByRole('textbox', { name: '评估范围' })).toHaveValue('精密零件的工艺设计、生产、销售');
  await form.getByLabel('开始日期').fill(cstDay(startIn));
  await form.getByLabel('结束日期').fill(cstDay(startIn + days - 1));
  await form.getByRole('textbox', { name: '第 1 行日期' }).fill(cstDay(startIn));
  await form.getByRole('textbox', { name: '第 1 行时间' }).fill('09:00-10:00');
  await form.getByRole('textbox', { name: '第 1 行内容' }).fill('首次会议');
  await form.getByRole('button', { name: '添加日程' }).click();
  await form.getByRole('textbox', { name: '第 2 行日期' }).fill(cstDay(startIn + days - 1));
  await form.getByRole('textbox', { name: '第 2 行时间' }).fill('14:00-15:00');
  await form.getByRole('textbox', { name: '第 2 行内容' }).fill('末次会议');
  await form.getByRole('button', { name: `保存${name}` }).click();
  await expect(card.getByTestId(`plan-${kind}-status`)).toHaveText('待企业确认', { timeout: STAGE_TIMEOUT });
  await expect(card.getByTestId('agenda-table')).toContainText('末次会议');
}

test('an enterprise applies for 三级; the lead accepts, forms a team of 3, the plans are confirmed and the pre-assessment says proceed', async ({ page, browser, platform }) => {
  test.setTimeout(360_000);
  admin = await adminApi(platform);
  body = await createBody(admin);
  const lead = await registerPerson(admin, { name: '王主任', bodyId: body.id, login: true, grades: ['intro', 'assessor', 'lead_assessor'] });
  const member = await registerPerson(admin, { name: '陈评估', bodyId: body.id, login: true, grades: ['intro', 'assessor'] });
  // 刘评估 has a login but never uses it: the lead removes him again.
  await registerPerson(admin, { name: '刘评估', bodyId: body.id, login: true, grades: ['intro', 'assessor'] });
  const enterprise = await registerIn(page);
  await registerPerson(admin, { name: '孙内审', enterpriseId: enterprise.id, grades: ['intro'] });
  await completeSelfDiagnosisByApi(page);

  // 标准符合性评估 → 申请评估 → 评估申请表
  await page.goto('/enterprise');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '标准符合性评估' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '标准符合性评估' })).toBeVisible();
  await expect(page.getByTestId('formal-assessments-table')).toContainText('暂无评估申请');
  await page.getByRole('button', { name: '申请评估' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '评估申请表' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: '依据的自诊断' })).toBeVisible();
  await expect(page.locator('.ant-form-item', { has: page.getByRole('combobox', { name: '依据的自诊断' }) })).toContainText('最新一次有效自诊断');

  await page.getByText('三级（集成级）', { exact: true }).click();
  // From 三级 the internal assessor is required: the rule says so next to its field before anything is submitted.
  const internalChecks = page.getByTestId('checks-internalAssessorId');
  await expect(internalChecks).toContainText('申请三级及以上评估须指定本企业在平台注册的内部评估师');
  await expect(internalChecks.locator('[data-severity="block"]')).toHaveCount(1);
  await expect(page.getByRole('button', { name: '提交申请' })).toBeDisabled();
  // PTR + 生产 + N: 物流 is not applicable here, with the reason.
  await expect(page.getByText('必选能力域')).toBeVisible();
  await page.getByRole('checkbox', { name: '物流：确认不适用' }).check();
  await page.getByRole('textbox', { name: '物流不适用的理由' }).fill('物流外包给第三方');
  await page.getByRole('textbox', { name: '评估范围' }).fill('精密零件的工艺设计、生产、销售');
  await page.getByRole('textbox', { name: '发起人姓名' }).fill('张总');
  await page.getByRole('textbox', { name: '发起人职务' }).fill('副总经理');
  await page.getByRole('textbox', { name: '联络人姓名' }).fill('李联络');
  await page.getByRole('textbox', { name: '联络人手机号码' }).fill('13911112222');
  await pickOption(page, /内部评估师/, '孙内审（内部评估师（CMMM intro 培训合格））');
  await pickOption(page, '评估机构', `${body.name}（北京市 海淀区，主任评估师 1 名）`);
  await expect(internalChecks).toHaveCount(0);
  await expect(page.getByTestId('check-summary').locator('[role="alert"], .ant-alert-error')).toHaveCount(0);
  await expect(page.getByRole('button', { name: '提交申请' })).toBeEnabled();
  await shot(page, 'fa-apply-desktop');
  await page.getByRole('button', { name: '提交申请' }).click();

  await expect(page).toHaveURL(/\/formal-assessments\/[0-9a-f-]{36}$/);
  const url = new URL(page.url()).pathname;
  const id = url.split('/').pop() ?? '';
  await expect(stage(page)).toHaveAttribute('data-stage', 'submitted');
  await expect(page.getByTestId('stage-tag')).toHaveText('已申请，待受理');
  await expect(page.getByTestId('application-info')).toContainText('物流外包给第三方');
  await expect(page.getByTestId('application-info')).toContainText('张总（副总经理）');
  await expect(page.getByTestId('acceptance-status')).toContainText('待评估机构指派主任评估师');
  // One open application at a time: 申请评估 is disabled on the list, with the reason.
  await page.getByRole('link', { name: '返回标准符合性评估' }).click();
  await expect(page.getByRole('button', { name: '申请评估' })).toBeDisabled();
  await expect(page.getByTestId('apply-blocked-reason')).toContainText('本企业已有一项进行中的评估申请');

  // The body's lead is assigned (platform admin, through the API: not the point here).
  const assigned = await admin.context.put(`/api/formal-assessments/${id}/lead`, {
    data: { assessorId: lead.id },
    headers: { 'x-csrf-token': (await admin.context.storageState()).cookies.find((c) => c.name === 'cmmm_csrf')?.value ?? '' },
  });
  expect(assigned.status(), await assigned.text()).toBe(200);

  // 受理: the lead confirms the two points of §8.2.1 and accepts.
  const leadPage = await personPage(browser, platform, lead);
  await leadPage.goto('/formal-assessments');
  await leadPage.getByTestId('formal-assessments-table').getByRole('link', { name: enterprise.name }).click();
  await expect(leadPage).toHaveURL(new RegExp(`${url}$`));
  const decide = leadPage.getByTestId('decide-acceptance');
  await expect(decide.getByRole('button', { name: '受理', exact: true })).toBeDisabled();
  await decide.getByRole('checkbox', { name: '受评估方所从事的活动符合相关法律法规规定' }).check();
  await decide.getByRole('checkbox', { name: '受评估方实施了智能制造相关活动' }).check();
  await decide.getByRole('button', { name: '受理', exact: true }).click();
  await expect(stage(leadPage)).toHaveAttribute('data-stage', 'accepted', { timeout: STAGE_TIMEOUT });
  await expect(leadPage.getByTestId('stage-tag')).toHaveText('已受理，组建评估组');

  // 评估组: the lead declares, adds two assessors and the internal assessor: 4 is even, refused.
  await declare(leadPage, '王主任');
  for (const name of ['陈评估', '刘评估']) {
    await pickOption(leadPage, '添加评估组员', `${name}（评估师）`);
    await team(leadPage).getByRole('button', { name: '加入评估组' }).click();
    await expect(memberRow(leadPage, name)).toContainText('待声明');
  }
  await team(leadPage).getByRole('button', { name: '加入内部评估师：孙内审' }).click();
  await expect(memberRow(leadPage, '孙内审')).toContainText('内部评估师');
  await expect(leadPage.getByTestId('team-size')).toHaveText('当前评估组 4 人');
  await team(leadPage).getByRole('button', { name: '完成组建' }).click();
  await expect(leadPage.getByTestId('team-error')).toContainText('评估组现有 4 人，人数应为奇数（1 名评估组长及多名评估组员）');
  await expect(stage(leadPage)).toHaveAttribute('data-stage', 'accepted');
  await shot(leadPage, 'fa-team-even-desktop');
  await memberRow(leadPage, '刘评估').getByRole('button', { name: '将刘评估移出评估组' }).click();
  await leadPage.getByRole('dialog').getByRole('button', { name: '移出' }).click();
  await expect(memberRow(leadPage, '刘评估')).toContainText('已移出');
  await expect(leadPage.getByTestId('team-size')).toHaveText('当前评估组 3 人');

  // Each member declares no conflict of interest; the enterprise declares for its internal assessor.
  const memberPage = await personPage(browser, platform, member);
  await memberPage.goto(url);
  await expect(memberPage.getByTestId('application-info')).toContainText('声明与企业无利益冲突后可查看企业的自诊断结果');
  await declare(memberPage, '陈评估');
  await expect(memberPage.getByTestId('linked-diagnosis')).toContainText('一级（规划级）');
  await page.goto(url);
  await declare(page, '孙内审');

  // 完成组建 → the plans.
  await leadPage.reload();
  await team(leadPage).getByRole('button', { name: '完成组建' }).click();
  await expect(stage(leadPage)).toHaveAttribute('data-stage', 'team_formed', { timeout: STAGE_TIMEOUT });
  await expect(leadPage.getByTestId('stage-tag')).toHaveText('评估组已组建，待确认评估计划');
  await writePlan(leadPage, 'pre', 20, 2);
  await writePlan(leadPage, 'formal', 40, 3);
  await expect(leadPage.getByTestId('effort-table')).toContainText('21');
  await expect(leadPage.getByTestId('effort-flags')).toContainText('正式评估 3 人，少于标准的 5 人');

  // The enterprise confirms the version it read; the lead changes the confirmed plan: confirm again.
  await page.reload();
  const prePlan = page.getByTestId('plan-pre');
  await expect(prePlan.getByTestId('plan-pre-status')).toHaveText('待企业确认');
  await prePlan.getByRole('button', { name: '确认预评估计划（第 1 版）' }).click();
  await expect(prePlan.getByTestId('plan-pre-status')).toHaveText('企业已确认', { timeout: STAGE_TIMEOUT });
  await leadPage.reload();
  await leadPage.getByTestId('plan-pre').getByRole('button', { name: '修改预评估计划' }).click();
  const preForm = leadPage.getByTestId('plan-form-pre');
  await expect(preForm).toContainText('保存修改后须由企业重新确认');
  await preForm.getByRole('textbox', { name: '第 2 行内容' }).fill('末次会议：通报预评估发现');
  await preForm.getByRole('button', { name: '保存预评估计划' }).click();
  await expect(leadPage.getByTestId('plan-pre-status')).toHaveText('已修改，待重新确认', { timeout: STAGE_TIMEOUT });
  await page.reload();
  await expect(prePlan.getByTestId('plan-pre-status')).toHaveText('已修改，待重新确认');
  await expect(prePlan).toContainText('企业确认的是第 1 版，计划已修改为第 2 版');
  await prePlan.getByRole('button', { name: '确认预评估计划（第 2 版）' }).click();
  await expect(prePlan.getByTestId('plan-pre-status')).toHaveText('企业已确认', { timeout: STAGE_TIMEOUT });
  await page.getByTestId('plan-formal').getByRole('button', { name: '确认正式评估计划（第 1 版）' }).click();
  await expect(stage(page)).toHaveAttribute('data-stage', 'plans_confirmed', { timeout: STAGE_TIMEOUT });
  await expect(page.getByTestId('stage-tag')).toHaveText('评估计划已确认，待现场预评估');
  await shot(page, 'fa-plans-confirmed-desktop');

  // 现场预评估: the record, then 具备正式评估条件.
  await leadPage.reload();
  const pre = leadPage.getByTestId('section-pre-assessment');
  await pre.getByRole('textbox', { name: '智能制造基本情况' }).fill('已建成 MES、ERP，关键工序数控化');
  await pre.getByRole('textbox', { name: '可提供的直接证据' }).fill('MES 生产记录、设备联网数据');
  await pre.getByRole('textbox', { name: '可提供的间接证据' }).fill('管理制度文件、访谈记录');
  await pre.getByRole('textbox', { name: '就绪情况' }).fill('具备三级正式评估条件');
  await pre.getByRole('button', { name: '保存预评估记录' }).click();
  await expect(stage(leadPage)).toHaveAttribute('data-stage', 'pre_assessment', { timeout: STAGE_TIMEOUT });
  await pre.getByRole('radio', { name: '具备正式评估条件' }).check();
  await pre.getByRole('button', { name: '提交结论' }).click();
  await leadPage.getByRole('dialog').getByRole('button', { name: '提交结论' }).click();
  await expect(stage(leadPage)).toHaveAttribute('data-stage', 'feasible', { timeout: STAGE_TIMEOUT });

  // The enterprise sees the conclusion.
  await page.reload();
  await expect(page.getByTestId('stage-tag')).toHaveText('预评估结论：具备正式评估条件');
  await expect(page.getByTestId('outcome')).toContainText('预评估结论：具备正式评估条件');
  await expect(page.getByTestId('pre-assessment-record')).toContainText('具备三级正式评估条件');
  await page.waitForLoadState('networkidle');
  await shot(page, 'fa-feasible-desktop');
  // On a phone the page reads top to bottom without scrolling sideways.
  await page.setViewportSize(PHONE);
  await expect(page.locator('header.app-header nav.app-nav')).toHaveCount(0);
  await shot(page, 'fa-feasible-phone');
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'the assessment page scrolls sideways on a phone').toBe(true);

  await leadPage.context().close();
  await memberPage.context().close();
});

test('the application rules refuse with their messages on the page', async ({ page, browser, platform }) => {
  test.setTimeout(300_000);
  admin ??= await adminApi(platform);
  body ??= await createBody(admin);
  const otherBody = await createBody(admin);
  await registerPerson(admin, { name: '周高成', bodyId: otherBody.id, grades: ['intro', 'assessor', 'lead_assessor', 'high_maturity_lead'] });

  // No self-diagnosis: the form is not offered; the page says why and links to 新建自诊断.
  await registerIn(page);
  await page.goto('/formal-assessments/apply');
  const needs = page.getByTestId('apply-needs-diagnosis');
  await expect(needs).toContainText('须先完成企业自诊断');
  await expect(needs).toContainText('申请标准符合性评估前，企业须在本平台完成一次企业自诊断');
  await expect(needs.getByRole('link', { name: '去新建自诊断' })).toHaveAttribute('href', '/self-diagnoses/new');
  await expect(page.getByRole('button', { name: '提交申请' })).toHaveCount(0);

  // 四级 within a year of a 三级 certificate, with an internal assessor whose intro certificate has expired.
  const early = await browser.newContext({ baseURL: platform.baseURL, locale: 'zh-CN', viewport: DESKTOP, reducedMotion: 'reduce' });
  const earlyPage = await early.newPage();
  earlyPage.setDefaultTimeout(15_000);
  const a: RegisteredEnterprise = await registerIn(earlyPage);
  await completeSelfDiagnosisByApi(earlyPage);
  await recordCertificate(admin, a.id, 3, cstDay(-100));
  await registerPerson(admin, { name: '吴过期', enterpriseId: a.id, grades: ['intro'], validUntil: cstDay(-30) });
  await earlyPage.goto('/formal-assessments/apply');
  await earlyPage.getByText('四级（优化级）', { exact: true }).click();
  const levelChecks = earlyPage.getByTestId('checks-targetLevel');
  await expect(levelChecks).toContainText('申请四级、五级评估，须在通过二级或三级标准符合性评估满一年后');
  await expect(levelChecks.locator('[data-code="HIGH_LEVEL_TOO_EARLY"]')).toHaveAttribute('data-severity', 'block');
  await pickOption(earlyPage, /内部评估师/, '吴过期（无有效资质）');
  await expect(earlyPage.getByTestId('checks-internalAssessorId')).toContainText('所选内部评估师的 CMMM intro 培训证书未登记或已过期');
  await expect(earlyPage.getByTestId('check-summary')).toContainText('须在通过二级或三级标准符合性评估满一年后');
  await expect(earlyPage.getByRole('button', { name: '提交申请' })).toBeDisabled();
  await shot(earlyPage, 'fa-apply-refused-desktop');
  await early.close();

  // 四级 a year after 三级, at a body without a high-maturity lead: refused; at one with such a lead: allowed.
  const later = await browser.newContext({ baseURL: platform.baseURL, locale: 'zh-CN', viewport: DESKTOP, reducedMotion: 'reduce' });
  const laterPage = await later.newPage();
  laterPage.setDefaultTimeout(15_000);
  const b = await registerIn(laterPage);
  await completeSelfDiagnosisByApi(laterPage);
  await recordCertificate(admin, b.id, 3, cstDay(-400));
  await registerPerson(admin, { name: '郑内审', enterpriseId: b.id, grades: ['intro'] });
  await laterPage.goto('/formal-assessments/apply');
  await laterPage.getByText('四级（优化级）', { exact: true }).click();
  await pickOption(laterPage, '评估机构', `${body.name}（北京市 海淀区，主任评估师 1 名）`);
  const leadChecks = laterPage.getByTestId('checks-leadAssessorId');
  await expect(leadChecks).toContainText('申请四级、五级评估须由高成熟度主任评估师主导评估');
  await expect(laterPage.getByTestId('check-summary')).not.toContainText('满一年');
  await expect(laterPage.getByRole('button', { name: '提交申请' })).toBeDisabled();
  await pickOption(laterPage, '评估机构', `${otherBody.name}（北京市 海淀区，主任评估师 1 名）`);
  await expect(leadChecks).toHaveCount(0);
  await pickOption(laterPage, /内部评估师/, '郑内审（内部评估师（CMMM intro 培训合格））');
  await expect(laterPage.getByTestId('check-summary').locator('.ant-alert-error')).toHaveCount(0);
  await expect(laterPage.getByRole('button', { name: '提交申请' })).toBeEnabled();
  await later.close();
});
