import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { CommentPostedEvent } from '../../src/events/comment-posted-event.js';
import type { CommentReplyEvent } from '../../src/events/comment-reply-event.js';
import type { WpComment } from 'newsroom-comment-protocol';
import { expectAccessible, xssTrapped } from './helpers.js';
import { commentServer, freshAuthor, freshPostId, moderate, seedComment } from './comment-fixtures.js';
import { author, depthOf, items, loaded, mountList } from './comment-list-helpers.js';

const realFetch = window.fetch;

/** The real server's answers, with each comment passed through `change` (to play a WordPress that sends other data). */
function rewriteComments(change: (comment: WpComment) => WpComment): void {
  window.fetch = async (input, init) => {
    const response = await realFetch(input, init);
    if (init?.method && init.method !== 'GET') return response;
    const body = (await response.json()) as WpComment[];
    return new Response(JSON.stringify(body.map(change)), { status: response.status, headers: response.headers });
  };
}

const ownText = (element: Element) =>
  [...element.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE).map((node) => node.textContent).join('').trim();

describe('comment-list', () => {
  afterEach(() => {
    window.fetch = realFetch;
  });

  it('says it is loading while the request runs, accessibly', async () => {
    const server = await commentServer();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    window.fetch = async (input, init) => {
      await held;
      return realFetch(input, init);
    };
    const wrapper = await fixture<HTMLElement>(html`<div><comment-list endpoint=${server.endpoint} post-id=${freshPostId()}></comment-list></div>`);
    const element = wrapper.querySelector('comment-list')!;
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('[role="status"]')!.textContent!.trim()).to.equal('Loading comments…');
    await expectAccessible(element);
    release();
    await loaded(element);
    expect(element.shadowRoot!.querySelector('[role="status"]')!.textContent!.trim()).to.equal('No comments yet');
  });

  it('says there are no comments yet, without a list', async () => {
    const element = await mountList(await commentServer(), freshPostId());
    expect(element.shadowRoot!.querySelector('[role="status"]')!.textContent!.trim()).to.equal('No comments yet');
    expect(items(element)).to.have.length(0);
    await expectAccessible(element);
  });

  it('threads replies as nested lists up to max-depth, oldest first', async () => {
    const server = await commentServer();
    const post = freshPostId();
    const root = await seedComment(server, { post, content: 'Root', ...freshAuthor(), author_name: 'Anna' });
    const reply = await seedComment(server, { post, parent: root.id, content: 'Reply', ...freshAuthor(), author_name: 'Bohdan' });
    const deeper = await seedComment(server, { post, parent: reply.id, content: 'Deeper', ...freshAuthor(), author_name: 'Chloé' });
    await seedComment(server, { post, parent: deeper.id, content: 'Deepest', ...freshAuthor(), author_name: 'Dmytro' });
    await seedComment(server, { post, content: 'Second root', ...freshAuthor(), author_name: 'Emma' });

    const element = await mountList(server, post);
    expect(items(element).map((item) => [author(item), depthOf(item)])).to.deep.equal([
      ['Anna', 1],
      ['Bohdan', 2],
      ['Chloé', 3],
      ['Dmytro', 4],
      ['Emma', 1],
    ]);
    expect(items(element)[0].querySelector('.content')!.textContent!.trim()).to.equal('Root');
    await expectAccessible(element);

    const shallow = await mountList(server, post, { maxDepth: 2 });
    expect(items(shallow).map((item) => [author(item), depthOf(item)])).to.deep.equal([
      ['Anna', 1],
      ['Bohdan', 2],
      ['Chloé', 2],
      ['Dmytro', 2],
      ['Emma', 1],
    ]);
    // No Reply button at the deepest level, as in WordPress.
    expect(items(shallow).map((item) => item.querySelector(':scope > article > button') !== null)).to.deep.equal([true, false, false, false, true]);
  });

  it('indents replies from the start side, on the right in right-to-left text', async () => {
    const server = await commentServer();
    const post = freshPostId();
    const root = await seedComment(server, { post, content: 'مرحبا', ...freshAuthor() });
    await seedComment(server, { post, parent: root.id, content: 'رد', ...freshAuthor() });
    const wrapper = await fixture<HTMLElement>(html`<div dir="rtl" lang="ar"><comment-list endpoint=${server.endpoint} post-id=${post}></comment-list></div>`);
    const element = wrapper.querySelector('comment-list')!;
    await loaded(element);
    const replies = getComputedStyle(element.shadowRoot!.querySelector('.replies')!);
    expect([replies.paddingRight, replies.paddingLeft, replies.borderRightWidth]).to.deep.equal(['24px', '0px', '2px']);
  });

  it('loads more pages by X-WP-TotalPages', async () => {
    const server = await commentServer();
    const post = freshPostId();
    for (const name of ['One', 'Two', 'Three']) await seedComment(server, { post, content: name, ...freshAuthor(), author_name: name });
    const element = await mountList(server, post, { perPage: 2 });
    expect(items(element).map(author)).to.deep.equal(['One', 'Two']);
    const more = element.shadowRoot!.querySelector<HTMLButtonElement>('button[part="more"]')!;
    expect(more.textContent!.trim()).to.equal('Load more comments');
    more.click();
    await loaded(element);
    expect(items(element).map(author)).to.deep.equal(['One', 'Two', 'Three']);
    expect(element.shadowRoot!.querySelectorAll('button[part="more"]')).to.have.length(0);
  });

  it('reveals a comment asked for as soon as the list is in the page, before its first update', async () => {
    const server = await commentServer();
    const post = freshPostId();
    const linked = await seedComment(server, { post, content: 'The comment a link points to', ...freshAuthor() });
    const wrapper = await fixture<HTMLElement>(html`<div></div>`);
    const element = document.createElement('comment-list');
    element.endpoint = server.endpoint;
    element.postId = post;
    wrapper.append(element);
    expect(await element.reveal(linked.id)).to.equal(true);
    expect(element.shadowRoot!.activeElement!.closest('li')!.id).to.equal(`comment-${linked.id}`);
  });

  it('shows times relative and absolute, in the page language', async () => {
    const server = await commentServer();
    const post = freshPostId();
    await seedComment(server, { post, content: 'Timed', ...freshAuthor() });
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000 - 60_000);
    rewriteComments((comment) => ({ ...comment, date_gmt: twoHoursAgo.toISOString().slice(0, 19) }));
    const en = await mountList(server, post);
    const time = en.shadowRoot!.querySelector('time')!;
    expect(time.getAttribute('datetime')).to.equal(`${twoHoursAgo.toISOString().slice(0, 19)}.000Z`);
    expect(ownText(time)).to.equal('2 hours ago');
    expect(time.getAttribute('title')).to.contain(String(twoHoursAgo.getFullYear()));
    const uk = await mountList(server, post, { lang: 'uk' });
    expect(ownText(uk.shadowRoot!.querySelector('time')!)).to.equal('2 години тому');
  });

  it('shows an error with a retry that loads the comments, in place', async () => {
    const server = await commentServer();
    const post = freshPostId();
    await seedComment(server, { post, content: 'Eventually', ...freshAuthor() });
    window.fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    const element = await mountList(server, post);
    const alert = element.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('The comments could not be loaded.');
    await expectAccessible(element);
    window.fetch = realFetch;
    alert.querySelector('button')!.click();
    await loaded(element);
    expect(items(element)).to.have.length(1);
  });

  it('never runs hostile names, URLs or comment HTML, keeping only the commenter allowlist', async () => {
    const server = await commentServer();
    const post = freshPostId();
    const seeded = await seedComment(server, {
      post,
      author_name: '<script>window.__xss=true</script>',
      author_email: `x-${Math.random().toString(36).slice(2)}@example.org`,
      author_url: "http://x.com/?'onmouseover='window.__xss=true'x='",
      content: '<details open ontoggle="window.__xss=true">x</details><img src=x onerror="window.__xss=true">',
    });
    const element = await mountList(server, post);
    const item = items(element)[0];
    // Our server strips tags from names (as WordPress does) and escapes comment text: both show as plain text.
    expect(author(item)).to.equal(seeded.author_name);
    expect(item.querySelectorAll('script, details, img')).to.have.length(0);
    expect(item.querySelector('.content')!.textContent).to.contain('<details open ontoggle=');
    const link = item.querySelector<HTMLAnchorElement>('.author a')!;
    expect(link.getAttribute('href')).to.equal(new URL(seeded.author_url).href);
    expect(link.getAttribute('onmouseover')).to.equal(null);
    expect(link.rel).to.equal('nofollow ugc noopener');

    // A WordPress site may send raw HTML in content.rendered: DOMPurify reduces it to the commenter allowlist.
    rewriteComments((comment) => ({
      ...comment,
      author_url: 'javascript:window.__xss=true',
      content: {
        rendered:
          '<p><strong>Bold</strong> <a href="javascript:window.__xss=true">bad</a> <a href="https://example.org" target="_blank">good</a></p>' +
          '<details open ontoggle="window.__xss=true">d</details><img src=x onerror="window.__xss=true"><style>*{display:none}</style>' +
          '<form action="https://example.org"><input name="q" autofocus onfocus="window.__xss=true"></form><q cite="javascript:x" style="color:red">q</q>',
      },
    }));
    const raw = await mountList(server, post);
    const content = items(raw)[0].querySelector('.content')!;
    expect(content.querySelectorAll('strong, q')).to.have.length(2);
    expect(content.querySelectorAll('details, img, style, form, input, [style], [onerror], [target]')).to.have.length(0);
    const [bad, good] = content.querySelectorAll('a');
    expect(bad.hasAttribute('href')).to.equal(false);
    expect(good.getAttribute('href')).to.equal('https://example.org');
    expect(good.rel).to.equal('nofollow ugc noopener');
    expect(content.querySelector('q')!.hasAttribute('cite')).to.equal(false);
    expect(items(raw)[0].querySelectorAll('.author a')).to.have.length(0);
    await new Promise(requestAnimationFrame);
    expect(xssTrapped()).to.equal(false);
  });

  it('shows initials and asks no avatar service unless avatars="remote"', async () => {
    const server = await commentServer();
    const post = freshPostId();
    await seedComment(server, { post, content: 'Hi', ...freshAuthor(), author_name: 'olena kovalenko' });
    const avatarUrl = `${location.origin}/__avatar.png`;
    rewriteComments((comment) => ({ ...comment, author_avatar_urls: { '48': avatarUrl } }));
    const local = await mountList(server, post);
    expect(local.shadowRoot!.querySelector('.avatar')!.textContent).to.equal('OK');
    expect(local.shadowRoot!.querySelectorAll('img')).to.have.length(0);
    const remote = await mountList(server, post, { avatars: 'remote' });
    const image = remote.shadowRoot!.querySelector('img')!;
    expect(image.getAttribute('src')).to.equal(avatarUrl);
    expect(image.alt).to.equal('');
  });

  it('fires comment-reply from a Reply button named by its commenter', async () => {
    const server = await commentServer();
    const post = freshPostId();
    const seeded = await seedComment(server, { post, content: 'Reply to me', ...freshAuthor(), author_name: 'Mariia' });
    const element = await mountList(server, post);
    const button = items(element)[0].querySelector<HTMLButtonElement>('button[part="reply"]')!;
    expect(button.textContent!.trim()).to.equal('Reply');
    expect(element.shadowRoot!.getElementById(button.getAttribute('aria-describedby')!)!.textContent!.trim()).to.equal('Mariia');
    const reply = oneEvent(element, 'comment-reply');
    button.click();
    const event = (await reply) as unknown as CommentReplyEvent;
    expect([event.commentId, event.authorName]).to.deep.equal([seeded.id, 'Mariia']);
  });

  it('shows a comment posted on the page at once, held under its parent, and approved after moderation', async () => {
    const server = await commentServer();
    const post = freshPostId();
    const parent = await seedComment(server, { post, content: 'Parent', ...freshAuthor(), author_name: 'Parent' });
    const element = await mountList(server, post);
    const held = await seedComment(server, { post, parent: parent.id, content: 'My reply', ...freshAuthor(), author_name: 'Me' }, false);
    expect(held.status).to.equal('hold');
    document.body.dispatchEvent(new CommentPostedEvent(held));
    await element.updateComplete;
    const mine = element.shadowRoot!.getElementById(`comment-${held.id}`)!;
    expect(depthOf(mine)).to.equal(2);
    expect(mine.querySelector('.moderation')!.textContent!.trim()).to.equal('Your comment is awaiting moderation.');
    await expectAccessible(element);

    await moderate(server, held.id, 'approved');
    await element.reload();
    await element.updateComplete;
    const approved = element.shadowRoot!.getElementById(`comment-${held.id}`)!;
    expect(approved.querySelectorAll('.moderation')).to.have.length(0);
    expect(items(element)).to.have.length(2);
  });
});
