import type { Page } from 'playwright-core';

export interface Focused {
  tag: string;
  text: string;
  label: string | null;
  testId: string | null;
  outline: string;
  boxShadow: string;
}

export function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const style = el ? getComputedStyle(el) : null;
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      text: (el?.innerText ?? '').trim(),
      label: el?.getAttribute('aria-label') ?? (el?.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent ?? null : null),
      testId: el?.getAttribute('data-testid') ?? null,
      outline: style ? `${style.outlineStyle} ${style.outlineWidth}` : '',
      boxShadow: style?.boxShadow ?? '',
    };
  });
}

/** Presses Tab until the focused element matches, as a keyboard user would; fails after `max` presses. */
export async function tabTo(page: Page, matches: (f: Focused) => boolean, what: string, max = 60): Promise<Focused> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (matches(f)) return f;
  }
  throw new Error(`Tab never reached ${what}`);
}

/** Visible focus: an outline that is drawn (not `none`, not 0 px wide). */
export function hasVisibleOutline(f: Focused): boolean {
  return !f.outline.startsWith('none') && !f.outline.endsWith(' 0px');
}
