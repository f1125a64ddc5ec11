import { expect, test, type Locator, type Page } from '@playwright/test';
import { e2eDatabaseUrl } from './support';
import { cloneDemoDataset, type ClonedItem } from './review-fixtures';

// Fails when a header control is clipped or player controls overlap, at the two sizes reviewers
// use most. "Clipped": an element whose content is wider than its box (scrollWidth >
// clientWidth), or a control whose box pokes out of its container or the window.

type Box = { x: number; y: number; width: number; height: number };
const box = async (l: Locator): Promise<Box> => (await l.boundingBox())!;
const inside = (inner: Box, outer: Box) => inner.x >= outer.x - 0.5 && inner.x + inner.width <= outer.x + outer.width + 0.5 && inner.y >= outer.y - 0.5 && inner.y + inner.height <= outer.y + outer.height + 0.5;

async function notClipped(l: Locator, what: string) {
  const { scroll, client } = await l.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(scroll, `${what} is clipped (${scroll}px of content in ${client}px)`).toBeLessThanOrEqual(client + 1);
}

async function allWithin(page: Page, container: Locator, selector: string, what: string) {
  const outer = await box(container);
  for (const el of await container.locator(selector).all()) {
    if (!(await el.isVisible())) continue;
    const b = await box(el);
    const label = (await el.textContent())?.trim().slice(0, 30);
    expect(inside(b, outer), `${what}: “${label}” sticks out of its header`).toBe(true);
    expect(b.x + b.width, `${what}: “${label}” is past the window's edge`).toBeLessThanOrEqual(page.viewportSize()!.width + 0.5);
  }
}

for (const size of [
  { width: 1024, height: 768 },
  { width: 1440, height: 900 },
]) {
  test(`review page at ${size.width}×${size.height}: nav on one line, headers unclipped, player controls apart`, async ({ page }) => {
    const { datasetId, items } = await cloneDemoDataset(e2eDatabaseUrl(), { name: `rd-layout-${size.width}-${Date.now()}` });
    const item = items.find((i) => i.dataType === 'video') as ClonedItem;
    // An accepted edit: three tabs (revision, edit, accepted) and the ACCEPTED badge in the right panel's header.
    const edit = await page.request.post(`/api/items/${item.id}/edits`, {
      data: { text: `<think>Edited for the layout test at ${size.width}px.</think><answer>B</answer>`, baseVersionId: item.revisionId, expectedRev: 0, accept: true, acceptAnyway: true, reason: 'layout test' },
    });
    expect(edit.status()).toBe(201);
    await page.setViewportSize(size);
    await page.goto(`/items/${item.id}?dataset=${datasetId}`);
    await expect(page.getByTestId('review-workspace')).toHaveAttribute('data-ready', 'true');

    // The nav: one line (no wrapping), nothing past the window.
    const nav = page.getByTestId('nav-row');
    expect((await box(nav)).height).toBeLessThanOrEqual(48.5);
    await notClipped(nav, 'the nav bar');
    await notClipped(page.getByTestId('nav-links'), 'the nav links');
    await allWithin(page, nav, 'a, button', 'nav');

    // The review header and both CoT panel headers: every control whole and inside.
    await allWithin(page, page.getByTestId('review-header'), 'button, a', 'review header');
    await notClipped(page.getByTestId('review-header-controls'), 'the review header controls');
    for (const panel of ['draft-panel', 'revision-panel']) {
      const header = page.getByTestId(`${panel}-header`);
      await allWithin(page, header, 'button, [data-testid="accepted-badge"]', panel);
      await notClipped(page.getByTestId(`${panel}-tools`), `${panel} tools`);
      for (const tab of await header.getByRole('tab').all()) await notClipped(tab, `${panel} tab “${await tab.textContent()}”`);
    }
    const badge = page.getByTestId('revision-panel-header').getByTestId('accepted-badge');
    await expect(badge).toBeVisible();
    await notClipped(badge, 'the ACCEPTED badge');
    await expect(page.getByTestId('revision-panel-tools').getByRole('button', { name: 'Edit' })).toBeVisible();

    // The player: the time display ends before the speed control begins.
    const time = await box(page.getByTestId('time-display'));
    const right = await box(page.getByTestId('player-right-controls'));
    expect(time.x + time.width, 'the time display runs under the speed control').toBeLessThanOrEqual(right.x + 0.5);
    await notClipped(page.getByTestId('player-right-controls'), 'the speed and volume controls');
    // The current time and the duration are both whole (only the frame count may give way).
    const timeParts = await page.getByTestId('time-display').evaluate((el) => {
      const outer = el.getBoundingClientRect();
      return [...el.children].slice(0, 2).map((c) => ({ text: c.textContent, right: c.getBoundingClientRect().right, limit: outer.right }));
    });
    expect(timeParts.map((t) => t.text)).toEqual([expect.stringMatching(/^\d\d:\d\d\.\d{3}$/), expect.stringMatching(/^\/ \d\d:\d\d$/)]);
    for (const t of timeParts) expect(t.right, `“${t.text}” is cut off`).toBeLessThanOrEqual(t.limit + 0.5);
    await allWithin(page, page.getByTestId('player-toolbar'), 'button, select', 'player toolbar');

    // The action bar's buttons stay on screen.
    await allWithin(page, page.getByTestId('action-bar'), 'button', 'action bar');
    await page.screenshot({ path: `test-results/screens/layout-review-${size.width}x${size.height}.png` });

    await page.goto(`/items?dataset=${datasetId}`);
    await expect(page.getByTestId('item-row').first()).toBeVisible();
    await notClipped(page.getByTestId('nav-row'), 'the nav bar on /items');
    await page.screenshot({ path: `test-results/screens/layout-items-${size.width}x${size.height}.png` });
  });
}
