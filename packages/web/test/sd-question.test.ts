// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../src/i18n.tsx';
import { RequirementQuestion } from '../src/pages/self-diagnosis/RequirementQuestion.tsx';

const item = (naAllowed: boolean) => ({
  id: 'M3-1.1',
  name: '物流规划',
  requirement: { id: 'M3-1.1.L1', text: '应制定物流规划', naAllowed, guidance: { zh: ['正式发布的制度'], en: ['Issued rules'] } },
});

function show(naAllowed: boolean, onAnswer = vi.fn()) {
  render(createElement(I18nProvider, { initialLang: 'zh-CN', children: createElement(RequirementQuestion, { index: 1, item: item(naAllowed), grade: undefined, gradeGuidance: '全部满足：…', onAnswer }) }));
  return onAnswer;
}

describe('a question', () => {
  afterEach(cleanup);

  it('offers the four grades and 企业不涉及此题目 where the part may be tailored', () => {
    const onAnswer = show(true);
    for (const name of ['全部满足', '大部分满足', '部分满足', '不满足', '企业不涉及此题目']) expect(screen.getByRole('radio', { name })).toBeTruthy();
    expect((screen.getByRole('radio', { name: '企业不涉及此题目' }) as HTMLInputElement).disabled).toBe(false);
    fireEvent.click(screen.getByRole('radio', { name: '部分满足' }));
    expect(onAnswer).toHaveBeenCalledWith('M3-1.1.L1', 'PI');
  });

  it('greys out 企业不涉及此题目 on mandatory parts and says why in words, also to screen readers', () => {
    show(false);
    const na = screen.getByRole('radio', { name: '企业不涉及此题目' }) as HTMLInputElement;
    expect(na.disabled).toBe(true);
    const reason = screen.getByTestId('na-reason-M3-1.1.L1');
    expect(reason.textContent).toBe('本题所在能力域为必选，不能选择“企业不涉及此题目”');
    expect(reason.hidden).toBe(false);
    expect(na.getAttribute('aria-describedby')).toBe(reason.id);
    cleanup();
    show(true);
    expect(screen.queryByTestId('na-reason-M3-1.1.L1')).toBeNull();
  });

  it('keeps the "！" explanation open after a click until it is dismissed', async () => {
    show(true);
    const button = screen.getByRole('button', { name: '物流规划的说明' });
    // A phone's tap: a synthetic hover, then the click; the click must not close what the hover opened.
    fireEvent.mouseEnter(button);
    fireEvent.click(button);
    await waitFor(() => expect(button.getAttribute('aria-expanded')).toBe('true'));
    fireEvent.mouseLeave(button);
    fireEvent.blur(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    // A click elsewhere dismisses it.
    fireEvent.pointerDown(document.body);
    await waitFor(() => expect(button.getAttribute('aria-expanded')).toBe('false'));
    // Escape does too.
    fireEvent.click(button);
    await waitFor(() => expect(button.getAttribute('aria-expanded')).toBe('true'));
    fireEvent.keyDown(button, { key: 'Escape' });
    await waitFor(() => expect(button.getAttribute('aria-expanded')).toBe('false'));
  });

  it('has a "！" button described by the evidence guidance', () => {
    show(true);
    const button = screen.getByRole('button', { name: '物流规划的说明' });
    const described = document.getElementById(button.getAttribute('aria-describedby') ?? '');
    expect(described?.textContent).toContain('正式发布的制度');
  });
});

describe('a question in English', () => {
  afterEach(cleanup);

  it('shows the translation, and its Chinese original (marked zh-CN) only on demand', () => {
    const english = { id: 'M3-1.1', name: 'Logistics planning', requirement: { id: 'M3-1.1.L1', text: 'Shall draw up a logistics plan', textZh: '应制定物流规划', naAllowed: true, guidance: { zh: ['正式发布的制度'], en: ['Issued rules'] } } };
    render(createElement(I18nProvider, { initialLang: 'en', children: createElement(RequirementQuestion, { index: 1, item: english, grade: undefined, gradeGuidance: 'Fully implemented: …', onAnswer: vi.fn() }) }));
    expect(screen.getByText('Shall draw up a logistics plan').getAttribute('lang')).toBe('en');
    const toggle = screen.getByRole('button', { name: /^Show original\s*\(\s*中文\s*\)$/ });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    const original = screen.getByText('应制定物流规划', { selector: 'p' });
    expect(original.hidden).toBe(true);
    expect(original.getAttribute('lang')).toBe('zh-CN');
    expect(toggle.querySelector('[lang="zh-CN"]')?.textContent).toBe('中文');
    fireEvent.click(toggle);
    expect(original.hidden).toBe(false);
    expect(screen.getByRole('button', { name: /^Hide original/ }).getAttribute('aria-controls')).toBe(original.id);
  });
});
