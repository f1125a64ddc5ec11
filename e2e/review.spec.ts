import { expect, test, type Page } from '@playwright/test';
import { e2eDatabaseUrl, queryRows } from './support';
import { cloneDemoDataset, type ClonedItem } from './review-fixtures';
import { ADMIN_STATE, E2E_ADMIN, E2E_REVIEWER, REVIEWER_STATE } from './users';

// Each test reviews its own copy of the demo dataset, so specs never see each other's decisions.
async function freshDataset(tag: string) {
  return cloneDemoDataset(e2eDatabaseUrl(), { name: `review-e2e-${tag}-${Date.now()}` });
}

async function openItem(page: Page, id: number, query = '') {
  await page.goto(`/items/${id}${query ? `?${query}` : ''}`);
  await expectOn(page, id);
}

async function expectOn(page: Page, id: number) {
  await expect(page).toHaveURL(new RegExp(`/items/${id}(\\?|$)`));
  await expect(page.getByTestId('review-workspace')).toHaveAttribute('data-item-id', String(id));
  await expect(page.getByTestId('review-workspace')).toHaveAttribute('data-ready', 'true');
}

type ItemRow = { review_status: string; accepted_version_id: number | null; rev: number };
const itemRow = async (id: number) => (await queryRows<ItemRow>(`SELECT review_status, accepted_version_id, rev FROM item WHERE id = $1`, [id]))[0]!;
const status = async (id: number) => (await itemRow(id)).review_status;
const videoTime = (page: Page) => page.locator('[data-testid="video-player"] video').evaluate((v: HTMLVideoElement) => v.currentTime);

test('accept, accept draft, reject, skip and undo by keyboard, moving through the list', async ({ page }) => {
  const { datasetId, items } = await freshDataset('keys');
  const [i0, i1, i2, i3, i4] = items as [ClonedItem, ClonedItem, ClonedItem, ClonedItem, ClonedItem];
  await openItem(page, i0.id, `dataset=${datasetId}`);
  await expect(page.getByTestId('action-bar')).toContainText('Accept revision');

  await page.keyboard.press('a');
  await expectOn(page, i1.id);
  await expect.poll(() => itemRow(i0.id)).toMatchObject({ review_status: 'accepted', accepted_version_id: i0.revisionId, rev: 1 });

  await page.keyboard.press('d');
  await expectOn(page, i2.id);
  await expect.poll(() => itemRow(i1.id)).toMatchObject({ review_status: 'accepted', accepted_version_id: i1.draftId });

  await page.keyboard.press('r');
  const dialog = page.getByTestId('reject-dialog');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('2');
  await dialog.getByTestId('reject-note').fill('the ball is green');
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toBeHidden();
  await expectOn(page, i3.id);
  await expect.poll(() => status(i2.id)).toBe('rejected');
  const [rejection] = await queryRows<{ reason: string }>(`SELECT reason FROM review WHERE item_id = $1`, [i2.id]);
  expect(rejection?.reason).toBe('Contradicts the video — the ball is green');

  await page.keyboard.press('s');
  await expectOn(page, i4.id);
  await expect.poll(() => status(i3.id)).toBe('skipped');

  // Undo walks back through this session's decisions, returning to each item.
  await page.keyboard.press('u');
  await expectOn(page, i3.id);
  await expect.poll(() => status(i3.id)).toBe('pending');
  await page.keyboard.press('u');
  await expectOn(page, i2.id);
  await expect.poll(() => status(i2.id)).toBe('pending');
  const undone = await queryRows<{ n: number }>(`SELECT count(*)::int AS n FROM review WHERE item_id IN ($1, $2) AND undone_at IS NOT NULL`, [i2.id, i3.id]);
  expect(undone[0]?.n).toBe(2);
  const audit = await queryRows<{ action: string }>(`SELECT action FROM audit_event WHERE subject_type = 'item' AND subject_id = $1 ORDER BY id`, [String(i2.id)]);
  expect(audit.map((a) => a.action)).toEqual(['review.reject', 'review.undo']);

  // The history lists the undone decision; the help overlay lists the keys.
  await page.keyboard.press('h');
  await expect(page.getByTestId('history-list')).toContainText('rejected');
  await expect(page.getByTestId('history-list')).toContainText('undone');
  await page.keyboard.press('Escape');
  await page.keyboard.press('?');
  await expect(page.getByTestId('help-overlay')).toContainText('Accept the draft');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('help-overlay')).toBeHidden();
});

test('an edit checks the format and the answer live, and is saved as a new version and accepted', async ({ page }) => {
  const { datasetId, items } = await freshDataset('edit');
  const [i0, i1] = items as [ClonedItem, ClonedItem];
  await openItem(page, i0.id, `dataset=${datasetId}`);
  await page.keyboard.press('e');
  const editor = page.getByTestId('editor-text');
  await expect(editor).toBeFocused();

  await editor.fill('<think>\nThe squares are yellow, blue, red, green and orange.\n</think>\n<answer>5');
  await expect(page.getByTestId('editor-format')).toContainText('✗ format');
  await expect(page.getByTestId('editor-save-accept')).toBeDisabled();

  const text = '<think>\nThe video shows five squares: yellow, blue, red, green and orange.\n</think>\n<answer>5</answer>';
  await editor.fill(text);
  await expect(page.getByTestId('editor-format')).toContainText('✓ format');
  await expect(page.getByTestId('cot-editor').getByTestId('answer-check')).toContainText('✓ correct');
  await page.keyboard.press('Control+Enter');
  await expectOn(page, i1.id);

  const [edit] = await queryRows<{ id: number; text: string; parent_version_id: number; answer_correct: boolean }>(
    `SELECT id, text, parent_version_id, answer_correct FROM cot_version WHERE item_id = $1 AND kind = 'edit'`,
    [i0.id],
  );
  expect(edit).toMatchObject({ text, parent_version_id: i0.revisionId, answer_correct: true });
  await expect.poll(() => itemRow(i0.id)).toMatchObject({ review_status: 'accepted', accepted_version_id: edit!.id });
});

test('time references in a CoT and caption segments on the timeline seek the player; frames step', async ({ page }) => {
  const { datasetId, items } = await freshDataset('seek');
  await openItem(page, items[0]!.id, `dataset=${datasetId}`);
  const revision = page.getByTestId('revision-panel');

  await revision.getByTestId('time-link').filter({ hasText: /^00:03$/ }).first().click();
  await expect.poll(() => videoTime(page)).toBeCloseTo(3, 1);
  await expect(page.getByTestId('time-display')).toContainText('00:03.000');

  await page.getByTestId('timeline-caption').nth(1).click();
  await expect.poll(() => videoTime(page)).toBeCloseTo(1, 1);

  // "at the end" seeks to the last third of the 6-second clip.
  await revision.getByTestId('time-link').filter({ hasText: /end/ }).first().click();
  await expect.poll(() => videoTime(page)).toBeCloseTo(4, 1);

  // One frame at the probed 25 fps.
  await page.keyboard.press('.');
  await expect(page.getByTestId('time-display')).toContainText('f101');
  await page.keyboard.press(',');
  await page.keyboard.press(',');
  await expect(page.getByTestId('time-display')).toContainText('f99');

  // The next question on the same video starts it over.
  const rows = await queryRows<{ id: number; path: string }>(`SELECT id, path FROM item WHERE dataset_id = $1 ORDER BY id`, [datasetId]);
  expect(rows[1]!.path).toBe(rows[0]!.path);
  await page.keyboard.press('j');
  await expectOn(page, rows[1]!.id);
  await expect.poll(() => videoTime(page)).toBe(0);

  // Moving on to another video swaps in the player that preloaded it off screen; links seek it.
  let at = 1;
  while (rows[at + 1]!.path === rows[at]!.path) {
    await page.keyboard.press('j');
    await expectOn(page, rows[++at]!.id);
  }
  await page.keyboard.press('j');
  const next = rows[at + 1]!;
  await expectOn(page, next.id);
  expect(await page.locator('[data-testid="video-player"] video').evaluate((v: HTMLVideoElement) => v.currentSrc)).toContain(next.path.replace(/^\.\//, ''));
  expect(await videoTime(page)).toBe(0);
  await page.getByTestId('revision-panel').getByTestId('time-link').filter({ hasText: /^00:0[1-5]$/ }).first().click();
  await expect.poll(() => videoTime(page)).toBeGreaterThan(0.9);
});

test('two reviewers saving one item: the second gets a 409, sees the other edit and chooses', async ({ browser }) => {
  const { datasetId, items } = await freshDataset('conflict');
  const item = items[0]!;
  // Two people: the admin and a reviewer, each in their own browser context.
  const alice = await (await browser.newContext({ storageState: ADMIN_STATE })).newPage();
  const bob = await (await browser.newContext({ storageState: REVIEWER_STATE })).newPage();
  // Reviewers open only items of their assignments: give Bob this dataset.
  const [reviewer] = await queryRows<{ id: string }>(`SELECT id FROM "user" WHERE email = $1`, [E2E_REVIEWER.email]);
  expect((await alice.request.post('/api/assignments', { data: { name: `conflict ${datasetId}`, filter: `dataset=${datasetId}`, reviewerIds: [reviewer!.id] } })).status()).toBe(201);
  await openItem(alice, item.id, `dataset=${datasetId}`);
  await openItem(bob, item.id, `dataset=${datasetId}`);
  await alice.keyboard.press('e');
  await bob.keyboard.press('e');

  const aliceText = '<think>\nAlice: five squares cross.\n</think>\n<answer>5</answer>';
  const bobText = '<think>\nBob: I count five squares crossing.\n</think>\n<answer>5</answer>';
  await alice.getByTestId('editor-text').fill(aliceText);
  await alice.keyboard.press('Control+s');
  await expect(alice.getByTestId('cot-editor')).toBeHidden();

  await bob.getByTestId('editor-text').fill(bobText);
  await bob.keyboard.press('Control+s');
  const conflict = bob.getByTestId('conflict-dialog');
  await expect(conflict).toBeVisible();
  await expect(conflict.getByTestId('conflict-summary')).toContainText(`${E2E_ADMIN.name} saved an edit`);
  await expect(conflict.getByTestId('conflict-diff')).toContainText('Alice');
  // Nothing of Bob's reached the server yet.
  const before = await queryRows<{ text: string }>(`SELECT text FROM cot_version WHERE item_id = $1 AND kind = 'edit' ORDER BY id`, [item.id]);
  expect(before.map((r) => r.text)).toEqual([aliceText]);

  await conflict.getByTestId('conflict-save-mine').click();
  await expect(conflict).toBeHidden();
  await expect
    .poll(async () => (await queryRows<{ text: string }>(`SELECT text FROM cot_version WHERE item_id = $1 AND kind = 'edit' ORDER BY id`, [item.id])).map((r) => r.text))
    .toEqual([aliceText, bobText]);
  const authors = await queryRows<{ email: string }>(
    `SELECT u.email FROM cot_version v JOIN "user" u ON u.id = v.author_id WHERE v.item_id = $1 AND v.kind = 'edit' ORDER BY v.id`,
    [item.id],
  );
  expect(authors.map((a) => a.email)).toEqual([E2E_ADMIN.email, E2E_REVIEWER.email]);
  await alice.context().close();
  await bob.context().close();
});

test('a reload keeps an unsaved edit', async ({ page }) => {
  const { datasetId, items } = await freshDataset('reload');
  await openItem(page, items[0]!.id, `dataset=${datasetId}`);
  await page.keyboard.press('e');
  const editor = page.getByTestId('editor-text');
  await editor.press('Control+End');
  await editor.pressSequentially(' UNSAVED-WORDS');
  await expect(page.getByTestId('editor-autosave')).toContainText('kept');

  await page.reload();
  await expectOn(page, items[0]!.id);
  await expect(page.getByTestId('editor-text')).toHaveValue(/UNSAVED-WORDS$/);
  await expect(page.getByTestId('editor-autosave')).toContainText('restored');

  // Closing keeps it too; it can be resumed.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('resume-edit')).toBeVisible();
  await page.getByTestId('resume-edit').click();
  await expect(page.getByTestId('editor-text')).toHaveValue(/UNSAVED-WORDS$/);
  expect(await queryRows(`SELECT id FROM cot_version WHERE item_id = $1 AND kind = 'edit'`, [items[0]!.id])).toHaveLength(0);
});

test('a <script> inside a CoT is shown as text and never runs', async ({ page }) => {
  const { datasetId, items } = await freshDataset('xss');
  const item = items[0]!;
  const evil = '<think>\nLook <script>window.__cotPwned = 1</script> and <img src=x onerror="window.__cotPwned = 2"> here.\n</think>\n<answer><b>5</b></answer>';
  await queryRows(`UPDATE cot_version SET text = $1 WHERE id = $2`, [evil, item.revisionId]);
  await openItem(page, item.id, `dataset=${datasetId}`);
  const panel = page.getByTestId('revision-panel');
  await expect(panel).toContainText('<script>window.__cotPwned = 1</script>');
  await expect(panel).toContainText('<b>5</b>');
  expect(await panel.locator('script, img, b').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __cotPwned?: number }).__cotPwned)).toBeUndefined();
});

test('next and previous follow the filter of the list the reviewer came from', async ({ page }) => {
  const { datasetId } = await freshDataset('filter');
  const ocr = await queryRows<{ id: number }>(`SELECT id FROM item WHERE dataset_id = $1 AND problem_type = 'OCR' ORDER BY id DESC`, [datasetId]);
  expect(ocr.length).toBeGreaterThanOrEqual(3);
  const query = `dataset=${datasetId}&type=OCR&dir=desc`;
  await openItem(page, ocr[0]!.id, query);
  await page.keyboard.press('j');
  await expectOn(page, ocr[1]!.id);
  expect(page.url()).toContain('type=OCR');
  await page.keyboard.press('j');
  await expectOn(page, ocr[2]!.id);
  await page.keyboard.press('k');
  await expectOn(page, ocr[1]!.id);
  // The browser's back button returns along the same path.
  await page.goBack();
  await expectOn(page, ocr[2]!.id);
});

test('the media route serves ranges and refuses paths outside the media root over HTTP', async ({ request }) => {
  const { datasetId } = await freshDataset('media');
  const ok = await request.get(`/api/media/${datasetId}/demo/race.mp4`, { headers: { range: 'bytes=0-99' } });
  expect(ok.status()).toBe(206);
  expect(ok.headers()['content-range']).toMatch(/^bytes 0-99\/\d+$/);
  expect(ok.headers()['content-type']).toBe('video/mp4');
  for (const evil of ['..%2F..%2F..%2F..%2Fetc%2Fpasswd', '%2e%2e/%2e%2e/%2e%2e/etc/passwd', '%2Fetc%2Fpasswd', 'demo/..%2F..%2F..%2Fetc%2Fpasswd']) {
    const r = await request.get(`/api/media/${datasetId}/${evil}`);
    expect(r.status(), evil).toBeGreaterThanOrEqual(400);
    expect(r.status(), evil).toBeLessThan(500);
    expect(await r.text()).not.toContain('root:');
  }
});
