import type { BrowserContext, Locator, Page } from 'playwright-core';

/** Resolves after the page has painted a frame: the drag has seen the previous move before the next one. */
function nextFrame(page: Page): Promise<void> {
  return page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())));
}

/**
 * A finger on the screen: press, hold until the drag has started (dnd-kit's TouchSensor waits
 * for a press delay so that swiping still scrolls; `started` is the element that shows the drag
 * is live), move in steps a frame apart, lift. Real touch events through the DevTools protocol,
 * as a phone's browser sends them.
 */
export async function touchDrag(context: BrowserContext, page: Page, from: { x: number; y: number }, to: { x: number; y: number }, started: Locator): Promise<void> {
  const cdp = await context.newCDPSession(page);
  const point = (p: { x: number; y: number }) => [{ x: Math.round(p.x), y: Math.round(p.y), id: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(from) });
  await started.waitFor({ timeout: 5_000 });
  const steps = 12;
  for (let i = 1; i <= steps; i++) {
    const at = { x: from.x + ((to.x - from.x) * i) / steps, y: from.y + ((to.y - from.y) * i) / steps };
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(at) });
    await nextFrame(page);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}
