import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import type { CommentList } from '../../src/components/comment-list/comment-list.js';
import type { WpComment } from 'newsroom-comment-protocol';
import { expectAccessible } from './helpers.js';
import { commentServer, freshAuthor, freshPostId, seedComment, type CommentServer } from './comment-fixtures.js';
import { author, depthOf, items, loaded, mountList } from './comment-list-helpers.js';

const realFetch = window.fetch;
const ORDER_KEY = 'newsroom-elements.comment-order';

/** The comment list requests the page makes from now on (their query strings), the real server answering them. */
function recordRequests(options: { stockWordPress?: boolean } = {}): URLSearchParams[] {
  const requests: URLSearchParams[] = [];
  window.fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (/\/comments$/.test(url.pathname)) requests.push(url.searchParams);
    const response = await realFetch(input, init);
    if (!options.stockWordPress) return response;
    // A stock WordPress: the same answers without our server's header.
    const headers = new Headers(response.headers);
    headers.delete('X-Comment-Server');
    return new Response(await response.text(), { status: response.status, headers });
  };
  return requests;
}

const shown = (element: CommentList) => items(element).map((item) => [author(item), depthOf(item)]);
const more = (element: CommentList) => element.shadowRoot!.querySelector<HTMLButtonElement>('button[part="more"]');
const liveText = (element: CommentList) => element.shadowRoot!.querySelector('.visually-hidden[role="status"]')!.textContent!.trim();

/** Three conversations (A, B, C, oldest first), each a top-level comment with a reply and a reply to that. */
async function conversations(server: CommentServer, post: number): Promise<Record<string, WpComment>> {
  const seeded: Record<string, WpComment> = {};
  for (const name of ['A', 'B', 'C']) {
    seeded[name] = await seedComment(server, { post, content: name, ...freshAuthor(), author_name: name });
    seeded[`${name}1`] = await seedComment(server, { post, parent: seeded[name].id, content: `${name}1`, ...freshAuthor(), author_name: `${name}1` });
    seeded[`${name}2`] = await seedComment(server, { post, parent: seeded[`${name}1`].id, content: `${name}2`, ...freshAuthor(), author_name: `${name}2` });
  }
  return seeded;
}

describe('comment-list at scale', () => {
  beforeEach(() => {
    localStorage.removeItem(ORDER_KEY);
    history.replaceState(null, '', location.pathname + location.search);
  });

  afterEach(() => {
    window.fetch = realFetch;
    localStorage.removeItem(ORDER_KEY);
    history.replaceState(null, '', location.pathname + location.search);
  });

  it('shows a page of top-level comments with all their replies in two requests on our server', async () => {
    const server = await commentServer();
    const post = freshPostId();
    const seeded = await conversations(server, post);
    const requests = recordRequests();
    const element = await mountList(server, post, { perPage: 2 });
    expect(shown(element)).to.deep.equal([
      ['A', 1],
      ['A1', 2],
      ['A2', 3],
      ['B', 1],
      ['B1', 2],
      ['B2', 3],
    ]);
    expect(requests.map((query) => [query.get('parent'), query.get('thread')])).to.deep.equal([
      ['0', null],
      [null, `${seeded.A.id},${seeded.B.id}`],
    ]);
    expect(requests[0].get('per_page')).to.equal('2');
    await expectAccessible(element);
  });

  it('reads a stock WordPress level by level with parent= lists', async () => {
    const server = await commentServer();
    const post = freshPostId();
    const seeded = await conversations(server, post);
    const requests = recordRequests({ stockWordPress: true });
    const element = await mountList(server, post, { perPage: 2 });
    expect(shown(element).map(([name]) => name)).to.deep.equal(['A', 'A1', 'A2', 'B', 'B1', 'B2']);
    expect(requests.map((query) => query.get('parent'))).to.deep.equal([
      '0',
      `${seeded.A.id},${seeded.B.id}`,
      `${seeded.A1.id},${seeded.B1.id}`,
      `${seeded.A2.id},${seeded.B2.id}`,
    ]);
    expect(requests.every((query) => !query.has('thread'))).to.equal(true);
  });

  it('loads more below the reader without moving what is above, focuses the first new comment and says so politely', async () => {
    const server = await commentServer();
    const post = freshPostId();
    await conversations(server, post);
    const element = await mountList(server, post, { perPage: 2 });
    // Positions in the document: focusing the new comment may scroll the window, which moves nothing in the page.
    const top = (node: Element) => node.getBoundingClientRect().top + scrollY;
    const first = top(items(element)[0]);
    const button = more(element)!;
    const buttonTop = top(button);
    button.focus();
    button.click();
    await waitForFocusIn(element);
    expect(shown(element).map(([name]) => name)).to.deep.equal(['A', 'A1', 'A2', 'B', 'B1', 'B2', 'C', 'C1', 'C2']);
    expect(top(items(element)[0])).to.equal(first);
    // The first new comment takes the button's place.
    const focused = element.shadowRoot!.activeElement!;
    expect(focused.closest('li')!.id).to.equal(items(element)[6].id);
    expect(top(focused)).to.be.closeTo(buttonTop, 1);
    expect(liveText(element)).to.equal('1 more comment shown');
    expect(more(element)).to.equal(null);
    await expectAccessible(element);
  });

  it('caps per-page at WordPress’s 100 and defaults to 25', async () => {
    const server = await commentServer();
    const requests = recordRequests();
    await mountList(server, freshPostId(), { perPage: 1000 });
    const wrapper = await fixture<HTMLElement>(html`<div><comment-list endpoint=${server.endpoint} post-id=${freshPostId()}></comment-list></div>`);
    await loaded(wrapper.querySelector('comment-list')!);
    expect(requests.map((query) => query.get('per_page'))).to.deep.equal(['100', '25']);
  });

  it('sorts newest first with a native select, remembers it and writes it into the URL fragment', async () => {
    const server = await commentServer();
    const post = freshPostId();
    await conversations(server, post);
    const element = await mountList(server, post);
    const select = element.shadowRoot!.querySelector<HTMLSelectElement>('select[part="sort"]')!;
    expect(element.shadowRoot!.querySelector(`label[for="${select.id}"]`)!.textContent!.trim()).to.equal('Sort comments');
    expect([...select.options].map((option) => [option.value, option.text.trim()])).to.deep.equal([
      ['asc', 'Oldest first'],
      ['desc', 'Newest first'],
    ]);
    select.value = 'desc';
    select.dispatchEvent(new Event('change'));
    await loaded(element);
    // Conversations newest first; replies stay a conversation, oldest first.
    expect(shown(element).map(([name]) => name)).to.deep.equal(['C', 'C1', 'C2', 'B', 'B1', 'B2', 'A', 'A1', 'A2']);
    expect(location.hash).to.equal('#comments-newest');
    expect(localStorage.getItem(ORDER_KEY)).to.equal('"desc"');
    await expectAccessible(element);

    // Another list (a later page view) takes the remembered order; a link's fragment wins over it.
    history.replaceState(null, '', location.pathname + location.search);
    const remembered = await mountList(server, post);
    expect(author(items(remembered)[0])).to.equal('C');
    history.replaceState(null, '', '#comments-oldest');
    const linked = await mountList(server, post);
    expect(author(items(linked)[0])).to.equal('A');
    expect(linked.shadowRoot!.querySelector('select')!.value).to.equal('asc');
  });

  it('shows replies past max-depth flat under the deepest allowed level, saying whom they answer', async () => {
    const server = await commentServer();
    const post = freshPostId();
    const root = await seedComment(server, { post, content: 'Root', ...freshAuthor(), author_name: 'Anna' });
    const reply = await seedComment(server, { post, parent: root.id, content: 'Reply', ...freshAuthor(), author_name: 'Bohdan' });
    const deeper = await seedComment(server, { post, parent: reply.id, content: 'Deeper', ...freshAuthor(), author_name: 'Chloé' });
    await seedComment(server, { post, parent: deeper.id, content: 'Deepest', ...freshAuthor(), author_name: 'Dmytro' });
    const element = await mountList(server, post, { maxDepth: 2 });
    expect(shown(element)).to.deep.equal([
      ['Anna', 1],
      ['Bohdan', 2],
      ['Chloé', 2],
      ['Dmytro', 2],
    ]);
    expect(items(element).map((item) => item.querySelector(':scope > article > [part="in-reply-to"]')?.textContent!.trim() ?? null)).to.deep.equal([
      null,
      null,
      'In reply to Bohdan',
      'In reply to Chloé',
    ]);
    await expectAccessible(element);
  });

  it('never scrolls sideways at 320 px, however deep the thread, left to right and right to left', async () => {
    const server = await commentServer();
    const post = freshPostId();
    let parent = 0;
    for (let depth = 0; depth < 8; depth++) {
      parent = (await seedComment(server, { post, parent, content: 'Averyveryverylongwordthatdoesnotbreakanywhereatall', ...freshAuthor() })).id;
    }
    for (const dir of ['ltr', 'rtl']) {
      const element = await mountList(server, post, { width: '320px', dir });
      expect(items(element)).to.have.length(8);
      expect(element.scrollWidth).to.be.at.most(320);
      const box = element.getBoundingClientRect();
      for (const item of items(element)) {
        const { left, right } = item.getBoundingClientRect();
        expect([left >= box.left - 0.5, right <= box.right + 0.5]).to.deep.equal([true, true]);
      }
    }
  });

  it('loads the pages up to a linked comment and focuses it; asks once for a comment it cannot show', async () => {
    const server = await commentServer();
    const post = freshPostId();
    const seeded = await conversations(server, post);
    const element = await mountList(server, post, { perPage: 1 });
    expect(await element.reveal(seeded.C2.id)).to.equal(true);
    expect(element.shadowRoot!.activeElement!.closest('li')!.id).to.equal(`comment-${seeded.C2.id}`);
    expect(shown(element).map(([name]) => name)).to.deep.equal(['A', 'A1', 'A2', 'B', 'B1', 'B2', 'C', 'C1', 'C2']);

    const fresh = await mountList(server, post, { perPage: 1 });
    const requests = recordRequests();
    expect(await fresh.reveal(2_000_000_000 + post)).to.equal(false);
    expect(requests).to.have.length(0);
    expect(items(fresh)).to.have.length(3);
  });

  it('loads more with the keyboard, the focus ring showing on the new comment', async () => {
    const server = await commentServer();
    const post = freshPostId();
    await conversations(server, post);
    const element = await mountList(server, post, { perPage: 2 });
    more(element)!.focus();
    await sendKeys({ press: 'Enter' });
    await waitForFocusIn(element);
    const focused = element.shadowRoot!.activeElement!;
    expect(focused.closest('li')!.querySelector('.author')!.textContent!.trim()).to.equal('C');
    expect(getComputedStyle(focused).outlineStyle).not.to.equal('none');
  });

  it('keeps the sort control and Load more visible in forced colours', async () => {
    const server = await commentServer();
    const post = freshPostId();
    await conversations(server, post);
    const element = await mountList(server, post, { perPage: 2 });
    const emulated = await executeServerCommand<boolean, { active: boolean }>('emulate-forced-colors', { active: true });
    try {
      expect(emulated, 'forced-colours emulation').to.equal(/Chrome\//.test(navigator.userAgent));
      for (const control of [element.shadowRoot!.querySelector('select')!, more(element)!]) {
        const style = getComputedStyle(control);
        expect(style.borderStyle).to.equal('solid');
        expect(style.borderColor).not.to.equal(style.backgroundColor);
        expect(style.color).not.to.equal(style.backgroundColor);
      }
      await expectAccessible(element);
    } finally {
      if (emulated) await executeServerCommand('emulate-forced-colors', { active: false });
    }
  });

  it('speaks French and Ukrainian', async () => {
    const server = await commentServer();
    const post = freshPostId();
    await conversations(server, post);
    for (const [lang, sort, newest, shown] of [
      ['fr', 'Trier les commentaires', 'Les plus récents d’abord', '1 commentaire de plus affiché'],
      ['uk', 'Сортувати коментарі', 'Спочатку новіші', 'Показано ще 1 коментар'],
    ]) {
      const wrapper = await fixture<HTMLElement>(html`<div lang=${lang}><comment-list endpoint=${server.endpoint} post-id=${post} per-page="2"></comment-list></div>`);
      const element = wrapper.querySelector('comment-list')!;
      await loaded(element);
      expect(element.shadowRoot!.querySelector('label[for="order"]')!.textContent!.trim()).to.equal(sort);
      expect(element.shadowRoot!.querySelector<HTMLOptionElement>('option[value="desc"]')!.text.trim()).to.equal(newest);
      more(element)!.click();
      await loaded(element);
      await element.updateComplete;
      expect(liveText(element)).to.equal(shown);
    }
  });
});

/** Waits until focus is on a comment in the list. */
async function waitForFocusIn(element: CommentList): Promise<void> {
  await waitUntil(() => element.shadowRoot!.activeElement?.closest('li') != null, 'focus moved to a comment');
}
