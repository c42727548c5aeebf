// antd's tables with `scroll` scroll in a div of their own (.ant-table-content; .ant-table-body under a
// fixed header). A keyboard user must be able to reach and scroll it (WCAG 2.1.1); when its rows hold no
// link or button, nothing inside takes focus. So while such a div overflows it takes focus itself, as a
// named region (the way the app's own wide tables do, .table-scroll), and gives it up when it fits.
import { useEffect } from 'react';

const SCROLLERS = '.ant-table-content, .ant-table-body';
/** Set on the divs this code made focusable: only those are changed back. */
const MARK = 'data-keyboard-scroll';

function overflows(el: HTMLElement): boolean {
  return el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;
}

/** Makes every table scroller under `root` that overflows focusable (named `label`), and the others not. */
export function markScrollableTables(root: ParentNode, label: string, scrolls: (el: HTMLElement) => boolean = overflows): void {
  for (const el of root.querySelectorAll<HTMLElement>(SCROLLERS)) {
    const mine = el.hasAttribute(MARK);
    if (scrolls(el)) {
      if (mine) el.setAttribute('aria-label', label);
      else if (!el.hasAttribute('tabindex')) {
        el.setAttribute(MARK, '');
        el.tabIndex = 0;
        el.setAttribute('role', 'region');
        el.setAttribute('aria-label', label);
      }
    } else if (mine) {
      for (const name of [MARK, 'tabindex', 'role', 'aria-label']) el.removeAttribute(name);
    }
  }
}

/** Keeps the tables of the document (dialogs and drawers too) keyboard-scrollable as they render and the window resizes. */
export function useKeyboardScrollableTables(label: string): void {
  useEffect(() => {
    let frame = 0;
    const update = () => {
      frame = 0;
      markScrollableTables(document.body, label);
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    const observer = new MutationObserver(schedule);
    observer.observe(document.body, { childList: true, subtree: true });
    window.addEventListener('resize', schedule);
    schedule();
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', schedule);
      cancelAnimationFrame(frame);
    };
  }, [label]);
}
