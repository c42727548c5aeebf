// @vitest-environment happy-dom
// A table that scrolls sideways is reachable by keyboard (WCAG 2.1.1): its scroller takes focus as a
// named region while it overflows, and gives it up when it fits; a scroller that was focusable already
// is left alone. (happy-dom lays nothing out: whether a scroller overflows is given by the test.)
import { afterEach, describe, expect, it } from 'vitest';
import { markScrollableTables } from '../src/layout/keyboard-scroll.ts';

function tables(): { root: HTMLElement; content: HTMLElement; body: HTMLElement; own: HTMLElement } {
  const root = document.createElement('div');
  root.innerHTML = `
    <div class="ant-table"><div class="ant-table-content" id="content"><table></table></div></div>
    <div class="ant-table"><div class="ant-table-body" id="body"><table></table></div></div>
    <div class="ant-table"><div class="ant-table-content" id="own" tabindex="-1"><table></table></div></div>`;
  document.body.append(root);
  const byId = (id: string) => root.querySelector<HTMLElement>(`#${id}`)!;
  return { root, content: byId('content'), body: byId('body'), own: byId('own') };
}

describe('keyboard-scrollable tables', () => {
  afterEach(() => document.body.replaceChildren());

  it('makes an overflowing scroller a focusable named region, and undoes it when it fits', () => {
    const { root, content, body } = tables();
    let wide = new Set<HTMLElement>([content]);
    markScrollableTables(root, 'Table (scrolls sideways)', (el) => wide.has(el));
    expect(content.tabIndex).toBe(0);
    expect(content.getAttribute('role')).toBe('region');
    expect(content.getAttribute('aria-label')).toBe('Table (scrolls sideways)');
    expect(body.hasAttribute('tabindex')).toBe(false);

    // The language changes: the name follows. The window grows: the table fits, the stop goes.
    markScrollableTables(root, '表格（可左右滚动）', (el) => wide.has(el));
    expect(content.getAttribute('aria-label')).toBe('表格（可左右滚动）');
    wide = new Set([body]);
    markScrollableTables(root, '表格（可左右滚动）', (el) => wide.has(el));
    for (const name of ['tabindex', 'role', 'aria-label']) expect(content.hasAttribute(name), name).toBe(false);
    expect(body.tabIndex).toBe(0);
  });

  it('leaves a scroller that the page made focusable itself', () => {
    const { root, own } = tables();
    markScrollableTables(root, 'Table (scrolls sideways)', () => true);
    markScrollableTables(root, 'Table (scrolls sideways)', () => false);
    expect(own.getAttribute('tabindex')).toBe('-1');
    expect(own.hasAttribute('role')).toBe(false);
  });
});
