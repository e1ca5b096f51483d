// The moderation desk (/admin) in Chromium and Firefox, every feature driven through the page by keyboard as a
// moderator would, every action a real request to a real server on SQLite. A second server instance on the same
// SQLite file stands for another process: block lists and revocations made on the page apply there at once.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { COMMENT_BLOCKED_CODE, MODERATION_API_PATH, type ModerationQueuePage, type WpComment, type WpCommentStatus, type WpError } from 'newsroom-comment-protocol';
import { ADMIN_TOKEN, newComment, startTestServer, type TestCommentServer } from '../support/comment-server.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH, FIREFOX_PATH } from '../../../scripts/browsers.mjs';

const WAIT = { timeout: 20_000 };
// The page's code is strings here: this file is also type-checked with the server's tsconfig, which has no DOM types.
const AXE_SOURCE = readFileSync(new URL('../../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
/** axe over the whole document (WCAG 2.2 A/AA and best practices), one line per violation and node. */
const AXE_VIOLATIONS = `window.axe.run(document, { resultTypes: ['violations'] }).then((results) =>
  results.violations.flatMap((violation) => violation.nodes.map((node) => violation.id + ': ' + violation.help + ' at ' + JSON.stringify(node.target))))`;

async function assertAxeClean(page: Page, state: string): Promise<void> {
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(AXE_SOURCE);
  assert.deepEqual(await page.evaluate(AXE_VIOLATIONS), [], `axe finds no violation: ${state}`);
}

/** Debian's Chromium over CDP, or Firefox ESR over WebDriver BiDi (as test/node/demo/support.ts launches them). */
function launch(name: 'chromium' | 'firefox'): Promise<Browser> {
  return name === 'chromium'
    ? puppeteer.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS })
    : puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX_PATH, headless: true });
}

const text = (page: Page, selector: string) => page.$eval(selector, (node) => (node.textContent ?? '').replace(/\s+/g, ' ').trim());
const activeId = (page: Page) => page.evaluate('document.activeElement && document.activeElement.id') as Promise<string>;
/** Waits until the live region (or the alert) says `words`. */
const said = (page: Page, words: string, region = '#status') =>
  page.waitForFunction(`document.querySelector(${JSON.stringify(region)}).textContent.includes(${JSON.stringify(words)})`, WAIT);
/** Focuses an element and presses a key on it: what a keyboard user does after tabbing there. */
async function press(page: Page, selector: string, key: 'Enter' | ' ' | 'Escape' = 'Enter'): Promise<void> {
  await page.focus(selector);
  await page.keyboard.press(key);
}
async function typeInto(page: Page, selector: string, value: string): Promise<void> {
  await page.focus(selector);
  await page.keyboard.type(value);
  await page.keyboard.press('Enter');
}

async function statusesOf(server: TestCommentServer, ids: number[]): Promise<Array<WpCommentStatus | 'gone'>> {
  const found = new Map<number, WpCommentStatus>();
  for (const status of ['hold', 'approved', 'spam', 'trash']) {
    const response = await fetch(`${server.url}${MODERATION_API_PATH}/comments?status=${status}&per_page=100`, {
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    for (const comment of ((await response.json()) as ModerationQueuePage).items) found.set(comment.id, comment.status);
  }
  return ids.map((id) => found.get(id) ?? 'gone');
}

const checkedIds = (page: Page) => page.$$eval('#comments input.select', (boxes) => boxes.map((box) => Number((box as unknown as { value: string }).value)));

for (const name of ['chromium', 'firefox'] as const) {
  describe(`moderation desk in ${name}`, { timeout: 400_000 }, () => {
    let browser: Browser;
    let dataDir: string;
    let server: TestCommentServer;
    let other: TestCommentServer;
    let page: Page;
    const visited: string[] = [];
    const hostile = '<img src=x onerror="window.__pwned = true">';
    // Names lose their tags on the way in (as in WordPress); an entity must still show as written.
    const hostileName = 'Mallory &lt;img src=x onerror=alert(1)&gt;';
    const seeded: number[] = [];
    let hostileId = 0;

    before(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'moderation-desk-'));
      const options = { dataDir, moderation: 'all' as const, floodSeconds: 0 };
      server = await startTestServer(options);
      // Another process on the same SQLite file, where new comments meet the block lists edited on the page.
      other = await startTestServer({ ...options, moderation: 'none' });
      for (let index = 0; index < 24; index += 1) {
        const post = index < 2 ? 77 : 1;
        const body = newComment({ post, content: index < 2 ? `The needle ${index}, in a haystack.` : `Held comment ${index}.` });
        seeded.push(((await (await server.post(body)).json()) as WpComment).id);
      }
      hostileId = ((await (await server.post(newComment({ author_name: hostileName, content: `Hello ${hostile}` }))).json()) as WpComment).id;
      browser = await launch(name);
      page = await browser.newPage();
      page.on('request', (request) => visited.push(request.url()));
    });
    after(async () => {
      await browser?.close();
      await other?.close();
      await server?.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('signs in with the token by keyboard, shows hostile text as text only, counts and pages the queue, and searches', async () => {
      await page.goto(`${server.url}/admin`);
      await assertAxeClean(page, 'signed out');
      await typeInto(page, '#token', 'not-the-token-0123456789');
      await said(page, 'not accepted', '#sign-in-error');
      assert.equal(await activeId(page), 'token', 'focus back on the token field');

      await typeInto(page, '#token', ADMIN_TOKEN);
      await page.waitForSelector('#comments > li', WAIT);
      assert.equal(await activeId(page), 'queue-heading', 'focus moves to the queue');
      assert.equal(await text(page, '#signed-in-as'), 'Signed in as admin.');
      assert.equal(await text(page, '#queues [data-status="hold"]'), 'Held (25)');
      assert.equal(await text(page, '#queues [data-status="approved"]'), 'Approved (0)');

      const first = await text(page, '#comments > li');
      assert.ok(first.includes(`Hello ${hostile}`), 'the newest comment, as plain text');
      assert.ok(first.includes(`Comment #${hostileId} by ${hostileName}`), first);
      assert.equal(await page.$$eval('#comments img', (images) => images.length), 0, 'no markup from the comment');
      assert.equal(await page.evaluate('window.__pwned === true'), false);
      await assertAxeClean(page, 'a queue');

      assert.equal((await page.$$('#comments > li')).length, 20);
      assert.equal(await text(page, '#page-info'), 'Page 1 of 2, 25 comments');
      await press(page, '#next-page');
      await said(page, 'Page 2 of 2');
      assert.equal((await page.$$('#comments > li')).length, 5);
      assert.equal(await activeId(page), 'queue-heading');
      await press(page, '#previous-page');
      await said(page, 'Page 1 of 2');

      await typeInto(page, '#search-text', 'NEEDLE');
      await said(page, 'Held: 2 comments matching the search.');
      assert.deepEqual(await checkedIds(page), [seeded[1], seeded[0]], 'newest first');
      await page.$eval('#search-text', (input) => ((input as unknown as { value: string }).value = ''));
      await typeInto(page, '#search-post', '77');
      await said(page, 'Held: 2 comments matching the search.');
      await page.$eval('#search-post', (input) => ((input as unknown as { value: string }).value = ''));
      await press(page, '#search button[type="submit"]');
      await said(page, 'Held: 25 comments.');
    });

    it('approves a selection by keyboard, announces it, undoes it, and deletes forever only after confirmation', async () => {
      const [newest, second] = await checkedIds(page);
      await press(page, `#select-${newest}`, ' ');
      await press(page, `#select-${second}`, ' ');
      assert.equal(await page.$eval('#select-all', (box) => (box as unknown as { indeterminate: boolean }).indeterminate), true);
      await press(page, '.bulk [data-action="approve"]');
      await said(page, '2 comments approved. Undo is available');
      assert.equal(await activeId(page), 'undo', 'focus on Undo, a keystroke away');
      assert.deepEqual(await statusesOf(server, [newest, second]), ['approved', 'approved']);
      assert.equal(await text(page, '#queues [data-status="approved"]'), 'Approved (2)');
      await assertAxeClean(page, 'undo offered');
      await page.keyboard.press('Enter');
      await said(page, 'Undone: 2 comments restored.');
      assert.deepEqual(await statusesOf(server, [newest, second]), ['hold', 'hold']);
      assert.equal(await page.$eval('#undo-bar', (bar) => (bar as unknown as { hidden: boolean }).hidden), true);

      await press(page, '#select-all', ' ');
      await said(page, '20 comments selected.');
      const page1 = await checkedIds(page);
      await press(page, '.bulk [data-action="spam"]');
      await said(page, '20 comments marked as spam.');
      assert.equal(await text(page, '#queues [data-status="spam"]'), 'Spam (20)');
      assert.deepEqual(new Set(await statusesOf(server, page1)), new Set(['spam']));

      await press(page, '#queues [data-status="spam"]');
      await said(page, 'Spam: 20 comments.');
      const [victim] = await checkedIds(page);
      await press(page, `#select-${victim}`, ' ');
      await press(page, '.bulk [data-action="trash"]');
      await said(page, '1 comment trashed.');
      await press(page, '#queues [data-status="trash"]');
      await said(page, 'Trash: 1 comment.');
      await press(page, `#select-${victim}`, ' ');

      await press(page, '.bulk [data-action="delete"]');
      await page.waitForSelector('#confirm-delete[open]', WAIT);
      assert.equal(await activeId(page), 'confirm-cancel', 'the safe choice has focus');
      assert.equal(await text(page, '#confirm-text'), '1 comment will be deleted for good. This cannot be undone.');
      await assertAxeClean(page, 'delete confirmation open');
      await page.keyboard.press('Escape');
      await page.waitForFunction('!document.querySelector("#confirm-delete").open', WAIT);
      assert.deepEqual(await statusesOf(server, [victim]), ['trash'], 'Escape deletes nothing');
      assert.equal(await page.evaluate('document.activeElement.dataset.action'), 'delete', 'focus back where it was');

      await page.keyboard.press('Enter');
      await page.waitForSelector('#confirm-delete[open]', WAIT);
      await press(page, '#confirm-yes');
      await said(page, '1 comment deleted forever.');
      assert.deepEqual(await statusesOf(server, [victim]), ['gone']);
      assert.equal(await page.$eval('#undo-bar', (bar) => (bar as unknown as { hidden: boolean }).hidden), true, 'no undo for delete forever');
      assert.equal(await page.$eval('#empty', (node) => (node as unknown as { hidden: boolean }).hidden), false, 'the trash is empty');
      await assertAxeClean(page, 'an empty queue');
      await press(page, '#queues [data-status="hold"]');
      await said(page, 'Held: 5 comments.');
    });

    it('edits block lists on the page, which another server process applies to the next comment', async () => {
      const postToOther = (body: Parameters<typeof newComment>[0] = {}) => other.post(newComment(body));
      await typeInto(page, '#add-hold', 'Ｃａｓｉｎｏ');
      await said(page, 'Added “casino” to words that hold.');
      assert.equal(await activeId(page), 'add-hold', 'focus stays to add another');
      const held = (await (await postToOther({ content: 'Visit my CASINO.' })).json()) as WpComment;
      assert.equal(held.status, 'hold', 'held by the other process at once');

      await typeInto(page, '#add-email', 'troll@example.com');
      await said(page, 'Added “troll@example.com” to refused emails.');
      const refused = await postToOther({ author_email: 'TROLL@example.com', content: 'Let me in.' });
      assert.equal(refused.status, 403);
      assert.equal(((await refused.json()) as WpError).code, COMMENT_BLOCKED_CODE);

      await typeInto(page, '#add-ip', '300.1.1.1/8');
      await page.waitForFunction('document.querySelector("#add-ip-problem").textContent !== ""', WAIT);
      assert.equal(await page.$eval('#add-ip', (input) => input.getAttribute('aria-invalid')), 'true');
      assert.equal(await activeId(page), 'add-ip', 'focus stays on the field at fault');
      await assertAxeClean(page, 'a refused block-list value');
      await page.$eval('#add-ip', (input) => ((input as unknown as { value: string }).value = ''));
      await typeInto(page, '#add-ip', '127.0.0.0/8');
      await said(page, 'Added “127.0.0.0/8” to refused IP ranges.');
      const fromNetwork = await postToOther({ content: 'From the refused network.' });
      assert.equal(fromNetwork.status, 403);
      assert.match(((await fromNetwork.json()) as WpError).message, /network/);

      // A list entry, like a comment, is text: markup in it shows as typed, in the list and in the audit log.
      await typeInto(page, '#add-spam', hostile);
      await said(page, 'to words that send to spam.');
      assert.ok((await text(page, '#blocklists')).includes(hostile));
      assert.ok((await text(page, '#audit')).includes(hostile));
      assert.equal(await page.$$eval('#blocklists img, #audit img', (images) => images.length), 0);
      assert.equal(await page.evaluate('window.__pwned === true'), false);
      await press(page, `button[aria-label="Remove “${hostile.replace(/"/g, '\\"')}” from words that send to spam"]`);
      await said(page, 'Removed “<img');

      await press(page, 'button[aria-label="Remove “127.0.0.0/8” from refused IP ranges"]');
      await said(page, 'Removed “127.0.0.0/8”.');
      assert.equal((await postToOther({ content: 'Welcome back.' })).status, 201, 'removed on the page, accepted again at once');
      await assertAxeClean(page, 'block lists');
    });

    it('creates a named token shown once; its moderator signs in; revoked, it is refused at once everywhere', async () => {
      await typeInto(page, '#token-label', 'Ana');
      await page.waitForSelector('#new-token-shown:not([hidden])', WAIT);
      await said(page, 'Created the token “Ana”.');
      assert.equal(await activeId(page), 'new-token-value', 'focus on the token to copy');
      const anaToken = await page.$eval('#new-token-value', (input) => (input as unknown as { value: string }).value);
      assert.match(anaToken, /^[\w-]{43}$/);
      await assertAxeClean(page, 'a new token shown');

      const anaPage = await browser.newPage();
      anaPage.on('request', (request) => visited.push(request.url()));
      await anaPage.goto(`${server.url}/admin`);
      await typeInto(anaPage, '#token', anaToken);
      await anaPage.waitForSelector('#comments > li', WAIT);
      assert.equal(await text(anaPage, '#signed-in-as'), 'Signed in as Ana.');
      const [anaPick] = await checkedIds(anaPage);
      await press(anaPage, `#select-${anaPick}`, ' ');
      await press(anaPage, '.bulk [data-action="approve"]');
      await said(anaPage, '1 comment approved.');

      // Keys go to the tab in front.
      await page.bringToFront();
      await press(page, 'button[aria-label="Revoke the token “Ana”"]');
      await said(page, 'Revoked the token “Ana”: it no longer works.');
      await anaPage.bringToFront();
      await press(anaPage, '#refresh');
      await said(anaPage, 'That token was not accepted.', '#sign-in-error');
      assert.equal(await anaPage.evaluate('sessionStorage.length'), 0, 'the revoked token is forgotten');
      await assertAxeClean(anaPage, 'signed out by a revoked token');
      const elsewhere = await fetch(`${other.url}${MODERATION_API_PATH}/me`, { headers: { Authorization: `Bearer ${anaToken}` } });
      assert.equal(elsewhere.status, 401, 'refused by the other process too');
      await anaPage.close();
      await page.bringToFront();

      // Shown once: a reload of the desk lists the token without it.
      await page.reload();
      await page.waitForSelector('#comments > li', WAIT);
      assert.equal(await page.$eval('#new-token-shown', (node) => (node as unknown as { hidden: boolean }).hidden), true);
      assert.ok(!(await text(page, '#tokens')).includes(anaToken));
      assert.match(await text(page, '#tokens'), /Ana — created .* UTC, revoked .* UTC/);
    });

    it('lists every action in the audit log with the moderator’s label, paged', async () => {
      const entries = await page.$$eval('#audit li', (items) => items.map((item) => (item.textContent ?? '').replace(/^.*UTC · /, '')));
      assert.equal(entries[0], 'admin: revoke the token “Ana”');
      assert.ok(entries.some((entry) => /^Ana: approve 1 comment: #\d+$/.test(entry)), 'the named moderator');
      for (const expected of [
        'admin: create the token “Ana”',
        'admin: remove “127.0.0.0/8” from refused IP ranges',
        'admin: add “casino” to words that hold',
        'admin: delete for good 1 comment',
        'admin: mark as spam 20 comments',
        'admin: undo action',
        'admin: approve 2 comments',
      ]) {
        assert.ok(entries.some((entry) => entry.startsWith(expected)), expected);
      }
      assert.equal(entries.length, 14);
      // Seven more actions make a second page of the log (twenty a page), holding the oldest entry.
      for (let index = 0; index < 7; index += 1) {
        await typeInto(page, '#add-spam', `spam word ${index}`);
        await said(page, `Added “spam word ${index}” to words that send to spam.`);
      }
      assert.equal(await text(page, '#audit-info'), 'Page 1 of 2');
      await press(page, '#audit-next');
      await said(page, 'Audit log, page 2 of 2.');
      assert.equal(await activeId(page), 'audit-heading');
      const older = await page.$$eval('#audit li', (items) => items.map((item) => (item.textContent ?? '').replace(/^.*UTC · /, '')));
      assert.deepEqual(older, [entries[13]]);
      await assertAxeClean(page, 'the audit log’s second page');
      assert.match(older[0], /^admin: approve 2 comments: #\d+, #\d+$/);
      await press(page, '#audit-previous');
      await said(page, 'Audit log, page 1 of 2.');
    });

    it('keeps focus visible, the token out of URLs and cookies, and the strict CSP', async () => {
      await page.focus('#refresh');
      await page.keyboard.press('Tab');
      const outline = (await page.evaluate('(() => { const style = getComputedStyle(document.activeElement); return [style.outlineStyle, style.outlineWidth]; })()')) as string[];
      assert.deepEqual(outline, ['solid', '3px'], 'a keyboard focus ring');
      if (name === 'chromium') {
        await page.emulateMediaFeatures([{ name: 'forced-colors', value: 'active' }]);
        const forced = (await page.evaluate('(() => { const style = getComputedStyle(document.activeElement); return [matchMedia("(forced-colors: active)").matches, style.outlineStyle]; })()')) as [boolean, string];
        assert.deepEqual(forced, [true, 'solid'], 'the focus ring stays in forced colours');
        await assertAxeClean(page, 'forced colours');
        await page.emulateMediaFeatures([]);
      }
      assert.ok(visited.length > 20, 'the page made its requests');
      assert.ok(visited.every((url) => !url.includes(ADMIN_TOKEN)), 'the token never goes into a URL');
      assert.equal(await page.evaluate('document.cookie'), '');
      const response = await fetch(`${server.url}/admin`);
      assert.match(response.headers.get('content-security-policy') ?? '', /script-src 'self'; style-src 'self'/);
      const html = await response.text();
      assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>|\sstyle=|\son[a-z]+=/i, 'no inline script, style or handler');
    });
  });
}
