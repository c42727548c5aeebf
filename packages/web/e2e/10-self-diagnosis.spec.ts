// 企业自诊断 end to end (seed 001 §1.2–1.6): 新建 with tailoring → 调查问卷 → 一级 answered and reached →
// 二级 opens after 3 s → 二级 not reached → result; a reload (and an answer made offline) loses nothing;
// 继续自诊断 resumes; the fourth self-diagnosis of the month is refused.
import { assess } from '@cmmm/model';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { chartsSettled, chineseUiText, choose, login, newEnterprise, registerByApi, resize, screenshot, SCREENS_DIR, type TestEnterprise } from './helpers.ts';

type Grade = 'FI' | 'LI' | 'PI' | 'NI' | 'NA';
const GRADE_NAME: Record<Grade, string> = { FI: '全部满足', LI: '大部分满足', PI: '部分满足', NI: '不满足', NA: '企业不涉及此题目' };
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

test.describe.configure({ mode: 'serial' });
test.use({ actionTimeout: 15_000 });
let enterprise: TestEnterprise | undefined;
let diagnosisId = '';
const answers: Record<string, Grade> = {};

/** Full-page screenshot from the top (the sticky header stays where it belongs). */
async function shot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}

async function phoneShot(page: Page, name: string) {
  await resize(page, PHONE);
  await shot(page, `${name}-phone`);
  await page.screenshot({ path: `${SCREENS_DIR}/${name}-phone-top.png` });
  const noHorizontalScroll = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  expect(noHorizontalScroll, `${name} scrolls sideways on a phone`).toBe(true);
  await resize(page, DESKTOP);
}

const questions = (page: Page) => page.locator('fieldset[data-testid^="question-"]');

/** Scores as the pages and the report show them: two decimals, rounded down. */
const floor2 = (x: number) => (Math.floor(x * 100 + 1e-9) / 100).toFixed(2);

/** Whether every element matched sits on one line (no word broken over two). */
async function eachOnOneLine(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((els) => els.filter((el) => el.getClientRects().length > 1 || el.getBoundingClientRect().height > parseFloat(getComputedStyle(el).lineHeight || '0') * 1.5).map((el) => el.textContent ?? ''));
}

/** The "！" popover: opened by a click (a tap), kept open, inside the viewport, closed by Escape. */
async function explainStaysOpen(page: Page, name: string, text: string) {
  const button = page.getByRole('button', { name });
  await button.click();
  const popover = page.locator('.info-tip-popover:visible');
  await expect(popover).toContainText(text);
  await page.mouse.move(1, 1); // hover leaves: a clicked explanation stays
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  await expect(popover).toBeVisible();
  const box = (await popover.boundingBox())!;
  const width = page.viewportSize()!.width;
  expect(box.x, 'the popover starts inside the viewport').toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, 'the popover ends inside the viewport').toBeLessThanOrEqual(width);
  await page.keyboard.press('Escape');
  await expect(button).toHaveAttribute('aria-expanded', 'false');
}

/** Answers every question of the subdomain shown, through the radio buttons of the page. */
async function answerShown(page: Page, pick: (requirementId: string) => Grade) {
  const list = questions(page);
  const n = await list.count();
  for (let i = 0; i < n; i++) {
    const q = list.nth(i);
    const id = ((await q.getAttribute('data-testid')) ?? '').slice('question-'.length);
    const grade = pick(id);
    await q.getByRole('radio', { name: GRADE_NAME[grade], exact: true }).check();
    answers[id] = grade;
  }
}

async function subdomainIds(page: Page): Promise<string[]> {
  const ids = await page.locator('[data-testid^="nav-"]').evaluateAll((els) => els.map((el) => el.getAttribute('data-testid') ?? ''));
  return ids.map((id) => id.slice('nav-'.length));
}

async function openSubdomain(page: Page, id: string) {
  await page.getByTestId(`nav-${id}`).click();
  await expect(page.getByTestId(`nav-${id}`)).toHaveAttribute('aria-current', 'step');
  await expect(questions(page).first()).toHaveAttribute('data-testid', new RegExp(`^question-${id.replace('-', '\\-')}\\.`));
}

test('a new enterprise self-diagnoses: 一级 reached, 二级 not; the result matches the engine', async ({ page, platform }) => {
  test.setTimeout(300_000);
  enterprise = newEnterprise();
  await registerByApi(platform, enterprise);
  await login(page, enterprise);

  // 平台主页 → 企业自诊断
  await expect(page.getByTestId('self-diagnosis-slot')).toContainText('尚无已完成的自诊断');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '企业自诊断' }).click();
  await expect(page).toHaveURL(/\/self-diagnoses$/);
  await expect(page.getByRole('heading', { level: 1, name: '企业自诊断' })).toBeVisible();
  await expect(page.getByTestId('quota-rule')).toContainText('每个企业每个自然月（北京时间）最多 3 次自诊断，本月还可新建 3 次');
  await page.waitForLoadState('networkidle');
  await shot(page, 'sd-list-empty-desktop');

  // 新建自诊断: levels, model with weights, 填报须知, type, tailoring
  await page.getByRole('button', { name: '新建自诊断' }).click();
  await expect(page).toHaveURL(/\/self-diagnoses\/new$/);
  await expect(page.getByRole('heading', { name: '填报须知' })).toBeVisible();
  // The edition used is named, with how it relates to the national standards; the footer says the same.
  await expect(page.getByTestId('edition-note')).toContainText('DB12/T 1073—2021《工业企业智能制造能力成熟度评估规范》');
  await expect(page.getByTestId('edition-note')).toContainText('GB/T 39116—2020');
  await expect(page.getByRole('contentinfo')).toContainText('自诊断模型：DB12/T 1073—2021');
  // No favicon 404 (the only console error a new user met).
  expect((await page.request.get('/favicon.ico')).status()).toBe(200);
  await expect(page.getByRole('radio', { name: '离散型' })).toBeChecked();
  const model = page.getByTestId('model-table');
  await expect(model.getByRole('row', { name: /产品设计/ })).toBeVisible();
  await expect(model.getByRole('row', { name: /生产/ }).first()).toContainText('必选');
  // 流程型 does not assess 产品设计: the model shown changes with the type.
  await page.getByText('流程型', { exact: true }).click();
  await expect(model.getByRole('row', { name: /产品设计/ })).toContainText('本企业类型不评估');
  await page.getByText('离散型', { exact: true }).click();
  await expect(model.getByRole('row', { name: /产品设计/ })).not.toContainText('本企业类型不评估');
  await page.getByRole('checkbox', { name: '物流（能力域）：不答（裁剪）' }).check();
  await expect(page.getByRole('checkbox', { name: '物流（能力子域）：不答（裁剪）' })).toBeChecked();
  await page.waitForLoadState('networkidle');
  await shot(page, 'sd-new-desktop');
  await phoneShot(page, 'sd-new');
  await page.getByRole('button', { name: '开始答题' }).click();
  const confirm = page.getByRole('dialog');
  await expect(confirm.getByTestId('start-confirm')).toContainText('物流');
  await expect(confirm).toContainText('裁剪选择都不能再修改');
  await confirm.getByRole('button', { name: '开始答题' }).click();

  // 调查问卷
  await expect(page).toHaveURL(/\/self-diagnoses\/[0-9a-f-]{36}$/);
  diagnosisId = page.url().split('/').pop() ?? '';
  await expect(page.getByRole('heading', { level: 1, name: '调查问卷' })).toBeVisible();
  const explain = page.getByRole('button', { name: '设备联网率（%）的说明' });
  await explain.focus();
  await expect(page.getByRole('tooltip').or(page.locator('.ant-popover:visible')).first()).toContainText('已接入网络');
  await page.keyboard.press('Escape');
  // A click keeps it open (the survey says 可点击); on a phone a tap does, inside the 390 px screen.
  await explainStaysOpen(page, '设备联网率（%）的说明', '已接入网络');
  await resize(page, PHONE);
  await explainStaysOpen(page, '设备联网率（%）的说明', '已接入网络');
  await resize(page, DESKTOP);
  await page.getByRole('spinbutton', { name: '员工人数' }).fill('320');
  await choose(page, '年营业收入', '2000 万—4 亿元');
  await page.getByRole('textbox', { name: '主要产品' }).fill('数控机床、伺服电机');
  await choose(page, '生产模式', '多品种小批量');
  await page.getByRole('checkbox', { name: 'ERP 企业资源计划' }).check();
  await page.getByRole('checkbox', { name: 'MES 制造执行系统' }).check();
  await page.getByRole('spinbutton', { name: '设备联网率（%）' }).fill('0');
  await page.getByRole('spinbutton', { name: '关键工序数控化率（%）' }).fill('50');
  await shot(page, 'sd-survey-desktop');
  await phoneShot(page, 'sd-survey');
  await page.getByRole('button', { name: '保存，开始答题' }).click();
  await expect(page.getByRole('dialog')).toContainText('调查问卷保存后不能修改');
  await page.getByRole('dialog').getByRole('button', { name: '确认保存' }).click();

  // 一级
  await expect(page.getByRole('heading', { level: 1, name: '自诊断答题：一级（规划级）' })).toBeVisible();
  const subs = await subdomainIds(page);
  expect(subs).not.toContain('M3-1'); // 物流 tailored out
  expect(subs[0]).toBe('P1-1');
  // The first question by keyboard: Tab into the group, arrows move the choice.
  const first = questions(page).first();
  await first.getByRole('radio', { name: '大部分满足', exact: true }).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(first.getByRole('radio', { name: '全部满足', exact: true })).toBeChecked();
  // 企业不涉及此题目 is greyed on mandatory parts.
  await expect(first.getByRole('radio', { name: '企业不涉及此题目' })).toBeDisabled();
  // …and says why in words anyone gets (not only a mouse's tooltip).
  await expect(first.locator('.na-reason')).toBeVisible();
  await expect(first.locator('.na-reason')).toHaveText('本题所在能力域为必选，不能选择“企业不涉及此题目”');
  await expect(first.getByRole('radio', { name: '企业不涉及此题目' })).toHaveAccessibleDescription('本题所在能力域为必选，不能选择“企业不涉及此题目”');
  await answerShown(page, () => 'FI');
  await expect(page.getByTestId('save-status')).toHaveText(/已保存/);
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByTestId('nav-T1-1')).toHaveAttribute('aria-current', 'step');
  await answerShown(page, () => 'FI');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存').first()).toBeVisible();

  // An answer made offline is kept through a reload and saved once the network is back.
  await openSubdomain(page, 'T2-1');
  await page.context().setOffline(true);
  const offlineQuestion = questions(page).first();
  const offlineId = ((await offlineQuestion.getAttribute('data-testid')) ?? '').slice('question-'.length);
  await offlineQuestion.getByRole('radio', { name: '全部满足', exact: true }).check();
  answers[offlineId] = 'FI';
  await expect(page.getByTestId('save-status')).toHaveText(/网络异常，正在重试/);
  await shot(page, 'sd-answer-offline-desktop');
  await page.context().setOffline(false);
  await page.reload();
  await expect(page.getByTestId('nav-T2-1')).toHaveAttribute('aria-current', 'step'); // the remembered subdomain
  await expect(page.getByTestId(`question-${offlineId}`).getByRole('radio', { name: '全部满足', exact: true })).toBeChecked();
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
  const saved = (await (await page.request.get(`/api/self-diagnoses/${diagnosisId}`)).json()) as { answers: Record<string, Grade> };
  expect(saved.answers[offlineId]).toBe('FI');
  expect(Object.keys(saved.answers).filter((id) => id.endsWith('.L1')).length).toBeGreaterThan(1);

  // The rest of 一级, subdomain by subdomain through the navigation.
  for (const sub of subs.slice(2)) {
    await openSubdomain(page, sub);
    await answerShown(page, () => 'FI');
  }
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
  await expect(page.getByTestId('nav-P1-1')).toContainText('5/5');

  // 提交: the survey says no networked equipment, so one 全部满足 is questioned first.
  await page.getByTestId('submit-level').click();
  const warnings = page.getByTestId('plausibility-warnings');
  await expect(warnings).toContainText('设备联网率为 0');
  await warnings.getByRole('button').first().click(); // the link to the requirement
  await expect(page.getByTestId('nav-R1-1')).toHaveAttribute('aria-current', 'step');
  await expect(page.getByTestId('question-R1-1.2.L1')).toHaveClass(/highlighted/);
  await page.getByTestId('submit-level').click();
  await page.getByRole('button', { name: '仍然提交' }).click();
  await expect(page.getByTestId('level-reached')).toHaveText('恭喜，已达到一级');
  await expect(page.getByTestId('countdown')).toContainText('秒后自动进入二级');
  // 二级 opens by itself after 3 seconds.
  await expect(page.getByRole('heading', { level: 1, name: '自诊断答题：二级（规范级）' })).toBeVisible({ timeout: 8000 });
  await expect(page.getByText('一级已提交 · 得分 1.00')).toBeVisible();
  // 二级 opens at its first unanswered question, not where 一级 was left (its last subdomain).
  expect(subs.at(-1)).not.toBe('P1-1');
  await expect(page.getByTestId('nav-P1-1')).toHaveAttribute('aria-current', 'step');
  await expect(questions(page).first()).toHaveAttribute('data-testid', /^question-P1-1\.1\.L2$/);
  await expect(questions(page).first()).toBeInViewport();
  // The submitted 一级 can be looked at, read only.
  await page.getByTestId('view-level-1').click();
  const submitted = page.getByRole('dialog', { name: '一级答题记录（已提交，只读）' });
  await expect(submitted.getByTestId('submitted-level-1')).toContainText('全部满足');
  await expect(submitted.getByTestId(`submitted-${offlineId}`)).toContainText('全部满足');
  await expect(submitted.getByRole('radio')).toHaveCount(0);
  await submitted.getByRole('button', { name: /关闭|Close/ }).click();
  await expect(submitted).toBeHidden();

  // 继续自诊断 resumes at the current level and the subdomain last shown.
  await openSubdomain(page, 'M2-3');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '企业自诊断' }).click();
  await expect(page.getByRole('cell', { name: '填报中' })).toBeVisible();
  await expect(page.getByRole('button', { name: '新建自诊断' })).toBeDisabled();
  await expect(page.getByTestId('new-blocked-reason')).toContainText('继续自诊断');
  await page.waitForLoadState('networkidle');
  await shot(page, 'sd-list-desktop');
  await phoneShot(page, 'sd-list');
  // On a phone each diagnosis is a card: 状态 and 继续自诊断 are on screen, not off to the side of a table.
  await resize(page, PHONE);
  const card = page.getByTestId('diagnosis-card').first();
  await expect(card).toContainText('填报中');
  await expect(card.getByRole('link', { name: '继续自诊断' })).toBeInViewport();
  await resize(page, DESKTOP);
  await page.getByRole('button', { name: '继续自诊断' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '自诊断答题：二级（规范级）' })).toBeVisible();
  await expect(page.getByTestId('nav-M2-3')).toHaveAttribute('aria-current', 'step');

  // 二级: mostly 部分满足 / 不满足.
  let n = 0;
  const weak = (): Grade => (n++ % 5 === 0 ? 'LI' : n % 2 ? 'PI' : 'NI');
  const subs2 = await subdomainIds(page);
  for (const sub of subs2) {
    await openSubdomain(page, sub);
    await answerShown(page, weak);
    if (sub === 'M2-3') {
      await page.evaluate(() => window.scrollTo(0, 0));
      await shot(page, 'sd-answer-desktop');
      await phoneShot(page, 'sd-answer');
    }
  }
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
  await page.getByTestId('submit-level').click();
  // Plausibility warnings may come up (after a request): confirm them if they do, however slow.
  const proceed = page.getByRole('dialog').getByRole('button', { name: '仍然提交' });
  const result = new RegExp(`/self-diagnoses/${diagnosisId}/result$`);
  await expect(async () => {
    if (await proceed.isVisible()) await proceed.click();
    await expect(page).toHaveURL(result, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });

  // The result.
  await expect(page).toHaveURL(new RegExp(`/self-diagnoses/${diagnosisId}/result$`));
  const expected = assess({ enterpriseType: 'discrete', tailored: ['M3'], answers });
  if (!expected.ok) throw new Error(JSON.stringify(expected.issues));
  expect(expected.value.level).toBe(1);
  await expect(page.getByTestId('result-level')).toHaveText('一级（规划级）');
  await expect(page.getByTestId('total-score')).toHaveText(floor2(expected.value.totalScore));
  const levelScores = page.getByTestId('level-scores');
  await expect(levelScores.getByRole('row', { name: /一级（规划级）/ })).toContainText(floor2(expected.value.levelScores['1'] ?? 0));
  await expect(levelScores.getByRole('row', { name: /二级（规范级）/ })).toContainText(floor2(expected.value.levelScores['2'] ?? 0));
  await expect(levelScores.getByRole('row', { name: /二级（规范级）/ })).toContainText('未达到');
  await expect(page.getByTestId('charts-level')).toContainText('二级（规范级）'); // the first level not reached
  await expect(page.getByTestId('radar-table')).toContainText('人员');
  await expect(page.getByTestId('gap-summary')).toContainText(`改进以下 ${expected.value.gap?.improvements.length} 项即可达到二级（规范级）`);
  // Two decimals everywhere a score is shown: the level score and what it lacks make 0.80.
  const level2 = floor2(expected.value.levelScores['2'] ?? 0);
  await expect(page.getByTestId('gap')).toContainText(`二级（规范级）得分 ${level2}，距达到该级的 0.8 还差 ${((80 - Math.round(Number(level2) * 100)) / 100).toFixed(2)}`);
  await expect(page.getByTestId('gap')).not.toContainText(/\d\.\d{3,}/);
  // No grade name or column title broken in the middle ("全部满/足", "本级得分提/升"), on a desktop or a phone.
  expect(await eachOnOneLine(page, '[data-testid="gap-table"] .keep-words')).toEqual([]);
  await resize(page, PHONE);
  expect(await eachOnOneLine(page, '[data-testid="gap-table"] .keep-words')).toEqual([]);
  await resize(page, DESKTOP);
  await expect(page.getByTestId('peers')).toContainText('同行业');
  // 北京市海淀区 has no policy tied to 一级 or 二级: the page says so.
  await expect(page.getByTestId('policies-none')).toHaveText('本企业注册地区暂无与当前等级或下一等级挂钩的政策。');
  // …but its national and 北京 policies are shown below as 相关政策.
  await expect(page.getByTestId('related-policies')).toContainText('《“十四五”智能制造发展规划》');
  await expect(page.getByTestId('related-policies')).toContainText('北京市');
  // Every level answered can be looked at, read only.
  await expect(page.getByTestId('submitted-levels').getByRole('button')).toHaveCount(2);
  await page.waitForLoadState('networkidle');
  await chartsSettled(page, 2); // the radar and the bars, their entry animation over
  await shot(page, 'sd-result-desktop');
  await phoneShot(page, 'sd-result');

  // The list marks it as the valid result.
  await page.getByRole('link', { name: '返回企业自诊断' }).click();
  await expect(page.getByRole('row', { name: /已完成/ })).toContainText('最新一次有效自诊断');
  await expect(page.getByRole('row', { name: /已完成/ })).toContainText(floor2(expected.value.totalScore));
});

test('the fourth self-diagnosis of a month is refused with a clear message', async ({ page }) => {
  test.setTimeout(120_000);
  if (!enterprise) throw new Error('needs the enterprise of the test before');
  await login(page, enterprise);
  const csrf = async () => (await page.context().cookies()).find((c) => c.name === 'cmmm_csrf')?.value ?? '';
  const call = async (method: 'post' | 'put', path: string, data: unknown) => {
    const response = await page.request[method](path, { data, headers: { 'x-csrf-token': await csrf() } });
    expect(response.ok(), `${method} ${path}: ${response.status()} ${await response.text()}`).toBe(true);
    return response.json() as Promise<{ id?: string }>;
  };
  // Two more, completed quickly through the API (a diagnosis in progress would block the next one).
  for (let i = 0; i < 2; i++) {
    const created = await call('post', '/api/self-diagnoses', { enterpriseType: 'discrete', tailored: [] });
    const id = created.id ?? '';
    await call('put', `/api/self-diagnoses/${id}/survey`, { employees: 10, revenueBand: 'lt300', mainProducts: '零件', productionMode: 'mass', informationSystems: [], networkedEquipmentShare: 10, ncEquipmentShare: 10 });
    const questionnaire = (await (await page.request.get(`/api/self-diagnoses/${id}/questionnaire?level=1`)).json()) as {
      elements: { domains: { subdomains: { items: { requirement: { id: string } }[] }[] }[] }[];
    };
    const ids = questionnaire.elements.flatMap((e) => e.domains.flatMap((d) => d.subdomains.flatMap((s) => s.items.map((it) => it.requirement.id))));
    await call('put', `/api/self-diagnoses/${id}/answers`, { answers: Object.fromEntries(ids.map((x) => [x, 'NI'])) });
    await call('post', `/api/self-diagnoses/${id}/submit`, {});
  }
  await page.goto('/self-diagnoses');
  await expect(page.getByTestId('quota-rule')).toContainText('本月还可新建 0 次');
  await expect(page.getByRole('button', { name: '新建自诊断' })).toBeDisabled();
  await expect(page.getByTestId('new-blocked-reason')).toHaveText('本月自诊断次数已用完，请下月再新建');
  await expect(page.getByRole('row', { name: /已完成/ })).toHaveCount(3);
  await expect(page.getByRole('row', { name: /最新一次有效自诊断/ })).toHaveCount(1);
  await page.waitForLoadState('networkidle');
  await shot(page, 'sd-list-quota-desktop');
  // The page itself says so too, and the server refuses.
  await page.goto('/self-diagnoses/new');
  await expect(page.getByTestId('new-blocked')).toHaveText('本月自诊断次数已用完，请下月再新建');
  await expect(page.getByRole('button', { name: '开始答题' })).toBeDisabled();
  // The refusal is read first, at the top, and nothing on the page can be chosen.
  await expect(page.getByTestId('new-blocked')).toBeInViewport();
  expect((await page.getByTestId('new-blocked').boundingBox())!.y).toBeLessThan((await page.getByTestId('model-table').boundingBox())!.y);
  await expect(page.getByRole('checkbox', { name: '物流（能力域）：不答（裁剪）' })).toBeDisabled();
  await expect(page.getByRole('radio', { name: '流程型' })).toBeDisabled();
  const refused = await page.request.post('/api/self-diagnoses', { data: { enterpriseType: 'discrete', tailored: [] }, headers: { 'x-csrf-token': await csrf() } });
  expect(refused.status()).toBe(409);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('SELF_DIAGNOSIS_LIMIT');
});

test('in English the list and the result use English labels; the standard text in its unofficial translation', async ({ page }) => {
  if (!enterprise) throw new Error('needs the enterprise of the tests before');
  await login(page, enterprise);
  await page.getByTestId('language-switch').click();
  await page.goto('/self-diagnoses');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Self-diagnosis');
  await expect(page.getByTestId('quota-rule')).toContainText('at most 3 self-diagnoses per calendar month (China Standard Time); 0 left this month');
  await page.waitForLoadState('networkidle');
  expect(await chineseUiText(page)).toEqual([]);
  await page.goto(`/self-diagnoses/${diagnosisId}/result`);
  await expect(page.getByTestId('result-level')).toHaveText('Level 1 (Planning)');
  await expect(page.getByTestId('gap')).toContainText('The gap to Level 2');
  await page.waitForLoadState('networkidle');
  expect(await chineseUiText(page)).toEqual([]);
  await expect(page.getByTestId('weak-points').locator('.note-text[lang="en"]').first()).toBeVisible();
  await shot(page, 'sd-result-english-desktop');
  await page.getByTestId('language-switch').click();
});
