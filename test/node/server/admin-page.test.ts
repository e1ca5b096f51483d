// The moderation page in a real browser (Chromium): sign in with the token, see held comments as plain text,
// approve one. The token never appears in a URL.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import puppeteer, { type Browser } from 'puppeteer-core';
import type { WpComment } from 'newsroom-comment-protocol';
import { ADMIN_TOKEN, newComment, startTestServer, type TestCommentServer } from '../support/comment-server.js';

import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../scripts/browsers.mjs';

describe('moderation page', () => {
  let browser: Browser;
  let server: TestCommentServer;
  before(async () => {
    server = await startTestServer({ moderation: 'all', floodSeconds: 0 });
    browser = await puppeteer.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('signs in with the token, shows held comments as text and approves one', async () => {
    const hostile = '<img src=x onerror="window.__pwned = true">';
    const held = (await (await server.post(newComment({ author_name: `Mallory ${hostile}`, content: `Hello ${hostile}` }))).json()) as WpComment;
    const page = await browser.newPage();
    const visited: string[] = [];
    page.on('request', (request) => visited.push(request.url()));
    await page.goto(`${server.url}/admin`);

    await page.type('#token', 'not-the-token-0123456789');
    await page.click('#sign-in button[type=submit]');
    // Page functions are strings: this tsconfig has Node's types only, no DOM.
    await page.waitForFunction('document.querySelector("#sign-in-error").textContent !== ""');
    assert.match(await page.$eval('#sign-in-error', (node) => node.textContent ?? ''), /not accepted/);

    await page.type('#token', ADMIN_TOKEN);
    await page.click('#sign-in button[type=submit]');
    await page.waitForSelector('#comments > li');
    const text = await page.$eval('#comments > li', (node) => node.textContent ?? '');
    assert.ok(text.includes(`Hello ${hostile}`), 'the comment is shown as plain text');
    assert.equal(await page.$$eval('#comments img', (images) => images.length), 0, 'no markup from the comment');
    assert.equal(await page.evaluate('window.__pwned === true'), false);

    await page.click(`button[aria-label^="Approve: comment ${held.id}"]`);
    await page.waitForFunction('document.querySelectorAll("#comments > li").length === 0');
    const approved = (await (await server.get(`/comments/${held.id}`)).json()) as WpComment;
    assert.equal(approved.status, 'approved');
    assert.ok(visited.every((url) => !url.includes(ADMIN_TOKEN)), 'the token never goes into a URL');
    await page.close();
  });
});
