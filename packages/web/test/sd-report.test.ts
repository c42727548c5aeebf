// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { createElement, type ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { downloads, type SelfDiagnosisResult } from '../src/api.ts';
import { I18nProvider, type Lang } from '../src/i18n.tsx';
import { PoliciesSection, ReportSection, RoadmapSection } from '../src/pages/self-diagnosis/ResultReport.tsx';

const ID = '0b7c6f5e-1111-4222-8333-944455556666';

function result(over: Partial<SelfDiagnosisResult> = {}): SelfDiagnosisResult {
  return {
    diagnosis: { id: ID, reportNumber: 'ZD-20250601-0B7C6F5E', enterpriseType: 'discrete' },
    result: { level: 1, totalScore: 1.2, levelScores: {}, breakdown: {}, gap: { targetLevel: 2 } },
    strengths: [],
    weakPoints: [],
    peers: [],
    roadmap: [
      {
        patternId: 'flexible',
        name: '自组织柔性生产',
        reason: '目标等级二级：……',
        priority: 0.4174,
        subdomains: [{ id: 'M2-2', name: '计划与调度', score: 0.17, weight: 0.053 }],
        path: ['柔性生产排程', '自适应快速换型'],
        targets: [{ requirementId: 'M2-2.1.L2', text: '应基于安全库存、采购提前期……' }],
        case: { enterprise: '某精密公司', summary: '建设 MES', kpis: [{ name: '直通率', before: '80%', after: '90%' }] },
      },
    ],
    policies: [
      { policyId: 'policy-11', scope: 'county', region: '江苏省江阴市', document: '《江阴市工业和信息化专项资金实施细则》', reward: '通过评估的，奖励 10 万元', levels: [2], applies: 'next' },
      { policyId: 'policy-04', scope: 'province', region: '江苏省', document: '《关于做好“智改数转”诊断工作的通知》', reward: '', levels: [], applies: 'related' },
    ],
    ...over,
  } as unknown as SelfDiagnosisResult;
}

const show = (node: ReactNode, lang: Lang = 'zh-CN') => render(createElement(I18nProvider, { initialLang: lang, children: node }));

describe('the report side of the result page', () => {
  afterEach(cleanup);

  it('links 查看报告 to the PDF in the UI language, the exports, and the public check of the report number', () => {
    show(createElement(ReportSection, { data: result() }));
    expect(screen.getByRole('link', { name: /查看报告/ }).getAttribute('href')).toBe(`/api/self-diagnoses/${ID}/report.pdf?lang=zh-CN`);
    expect(screen.getByRole('link', { name: /查看报告/ }).hasAttribute('download')).toBe(true);
    expect(screen.getByRole('link', { name: '导出 Excel' }).getAttribute('href')).toBe(downloads.exportXlsx(ID));
    expect(screen.getByRole('link', { name: '导出 JSON' }).getAttribute('href')).toBe(downloads.exportJson(ID));
    expect(screen.getByRole('link', { name: '在线核验报告' }).getAttribute('href')).toBe('/verify/ZD-20250601-0B7C6F5E');
    expect(screen.getByTestId('report-section').textContent).toContain('cmmm score');
  });

  it('asks for the English PDF in English', () => {
    show(createElement(ReportSection, { data: result() }), 'en');
    expect(screen.getByRole('link', { name: /View report/ }).getAttribute('href')).toBe(`/api/self-diagnoses/${ID}/report.pdf?lang=en`);
  });

  it('shows the roadmap in plain words: pattern, reason, path, target requirements without codes, the method apart, the case KPIs', () => {
    show(createElement(RoadmapSection, { data: result() }));
    const roadmap = screen.getByTestId('roadmap');
    expect(within(roadmap).getByRole('heading', { level: 3 }).textContent).toContain('自组织柔性生产');
    expect(roadmap.textContent).not.toContain('0.4174');
    expect(roadmap.textContent).toContain('目标要求（二级）');
    expect(roadmap.querySelector('.roadmap-targets [lang="zh-CN"]')?.textContent).toContain('应基于安全库存');
    // No codes outside the method note: neither the subdomain's nor the requirement's.
    const method = screen.getByTestId('roadmap-method');
    expect(method.textContent).toContain('计算方法');
    expect(method.textContent).toContain('Σ');
    method.remove();
    expect(roadmap.textContent).not.toMatch(/M2-2|L2|Σ/);
    expect(roadmap.textContent).toContain('得分 0.17 · 占二级得分的 5.3%');
    expect(within(roadmap).getByRole('table').textContent).toContain('直通率');
  });

  it('shows a policy for the next level, then the related policies of the region below it', () => {
    show(createElement(PoliciesSection, { data: result() }));
    expect(screen.getByTestId('policies-table').textContent).toContain('江苏省江阴市');
    expect(screen.getByTestId('policies-table').textContent).toContain('下一等级（二级）');
    expect(screen.getByTestId('policies-table').textContent).not.toContain('智改数转');
    const related = screen.getByTestId('related-policies');
    expect(within(related).getByRole('heading', { level: 3 }).textContent).toBe('相关政策');
    expect(related.textContent).toContain('《关于做好“智改数转”诊断工作的通知》');
    expect(related.textContent).toContain('未规定与成熟度等级挂钩的奖励');
    cleanup();
    // Only related policies (昆山 at 一级): the page says none is tied to the level, and lists them.
    show(createElement(PoliciesSection, { data: result({ policies: result().policies.filter((p) => p.applies === 'related') }) }));
    expect(screen.getByTestId('policies-none').textContent).toBe('本企业注册地区暂无与当前等级或下一等级挂钩的政策。');
    expect(screen.getByTestId('related-policies').textContent).toContain('智改数转');
    cleanup();
    show(createElement(PoliciesSection, { data: result({ policies: [] }) }));
    expect(screen.getByTestId('policies-none')).toBeTruthy();
    expect(screen.queryByTestId('related-policies')).toBeNull();
  });
});
