import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
// Only the section: the list, the form and DOMPurify must arrive by themselves when it opens.
import '../../src/components/comment-section/define.js';
import type { CommentSection } from '../../src/components/comment-section/comment-section.js';
import type { CommentList } from '../../src/components/comment-list/comment-list.js';
import type { CommentForm } from '../../src/components/comment-form/comment-form.js';
import type { CommentToggle } from '../../src/components/comment-toggle/comment-toggle.js';
import type { CommentPostedEvent } from '../../src/events/comment-posted-event.js';
import type { NewsroomToggleEvent } from '../../src/events/toggle-event.js';
import { expectAccessible } from './helpers.js';
import { commentServer, freshAuthor, freshPostId, moderate, seedComment, type CommentServer } from './comment-fixtures.js';

const realFetch = window.fetch;

async function section(server: CommentServer, post: number): Promise<CommentSection> {
  const element = await fixture<CommentSection>(html`<comment-section endpoint=${server.endpoint} post-id=${post}></comment-section>`);
  await element.updateComplete;
  return element;
}

const part = <T extends Element>(element: CommentSection, selector: string) => element.shadowRoot!.querySelector<T>(selector)!;
const toggleButton = (element: CommentSection) => part<HTMLElement>(element, 'comment-toggle').shadowRoot!.querySelector('button')!;
const loadedModules = () => performance.getEntriesByType('resource').map((entry) => entry.name).filter((name) => /comment-list|comment-form|dompurify/.test(name));

/** Opens the section and resolves once its list has loaded. */
async function open(element: CommentSection): Promise<{ list: CommentList; form: CommentForm }> {
  const toggled = oneEvent(element, 'toggle');
  toggleButton(element).click();
  expect(((await toggled) as unknown as NewsroomToggleEvent).newState).to.equal('open');
  await element.show();
  const list = part<CommentList>(element, 'comment-list');
  await list.updateComplete;
  await list.loadComplete;
  await list.updateComplete;
  return { list, form: part<CommentForm>(element, 'comment-form') };
}

async function fill(form: CommentForm, values: Record<string, string>): Promise<void> {
  for (const [id, value] of Object.entries(values)) {
    const input = form.shadowRoot!.querySelector<HTMLInputElement>(`#${id}`)!;
    input.value = value;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  }
  await form.updateComplete;
}

describe('comment-section', () => {
  afterEach(() => {
    window.fetch = realFetch;
    history.replaceState(null, '', location.pathname + location.search);
  });

  it('shows only the toggle, and loads the list, the form and DOMPurify only when opened', async () => {
    const server = await commentServer();
    const element = await section(server, freshPostId());
    expect(part<HTMLElement>(element, '#body').hidden).to.equal(true);
    expect(customElements.get('comment-list')).to.equal(undefined);
    expect(customElements.get('comment-form')).to.equal(undefined);
    expect(loadedModules()).to.have.length(0);
    expect(toggleButton(element).getAttribute('aria-expanded')).to.equal('false');
    await expectAccessible(element);

    const { list, form } = await open(element);
    expect(loadedModules().some((name) => name.includes('dompurify'))).to.equal(true);
    expect(part<HTMLElement>(element, '#body').hidden).to.equal(false);
    expect(toggleButton(element).getAttribute('aria-expanded')).to.equal('true');
    expect(toggleButton(element).ariaControlsElements?.[0]).to.equal(part(element, '#body'));
    expect(list.shadowRoot!.querySelector('[role="status"]')!.textContent!.trim()).to.equal('No comments yet');
    expect(form.shadowRoot!.querySelector('[role="heading"]')!.textContent!.trim()).to.equal('Leave a Reply');
    await expectAccessible(element);
  });

  it('gives the parts its endpoint and post: posted, held, approved, then listed', async () => {
    const server = await commentServer();
    const post = freshPostId();
    const element = await section(server, post);
    const { list, form } = await open(element);
    await fill(form, { content: 'Through the section.', ...freshAuthor() });
    const posted = oneEvent(form, 'comment-posted');
    form.submit();
    const { comment } = (await posted) as unknown as CommentPostedEvent;
    expect(comment!.post).to.equal(post);
    await list.updateComplete;
    const mine = list.shadowRoot!.getElementById(`comment-${comment!.id}`)!;
    expect(mine.querySelector('.moderation')!.textContent!.trim()).to.equal('Your comment is awaiting moderation.');
    await expectAccessible(element);

    await moderate(server, comment!.id, 'approved');
    await list.reload();
    await list.updateComplete;
    expect(list.shadowRoot!.getElementById(`comment-${comment!.id}`)!.querySelectorAll('.moderation')).to.have.length(0);
  });

  it('turns the form into a reply from a Reply button, and threads the reply under its parent', async () => {
    const server = await commentServer();
    const post = freshPostId();
    const parent = await seedComment(server, { post, content: 'Start of a thread', ...freshAuthor(), author_name: 'Yulia' });
    const element = await section(server, post);
    const { list, form } = await open(element);
    list.shadowRoot!.querySelector<HTMLButtonElement>(`#comment-${parent.id} button[part="reply"]`)!.click();
    await form.updateComplete;
    expect(form.shadowRoot!.querySelector('[role="heading"]')!.textContent!.trim()).to.equal('Leave a Reply to Yulia');
    expect(form.shadowRoot!.activeElement).to.equal(form.shadowRoot!.querySelector('#content'));
    await fill(form, { content: 'A reply in the thread.', ...freshAuthor() });
    const posted = oneEvent(form, 'comment-posted');
    form.submit();
    const { comment } = (await posted) as unknown as CommentPostedEvent;
    expect(comment!.parent).to.equal(parent.id);
    await list.updateComplete;
    const reply = list.shadowRoot!.getElementById(`comment-${comment!.id}`)!;
    expect(reply.parentElement!.closest('li')!.id).to.equal(`comment-${parent.id}`);
    await form.updateComplete;
    expect(form.shadowRoot!.querySelector('[role="heading"]')!.textContent!.trim()).to.equal('Leave a Reply');
    expect(form.shadowRoot!.querySelector('[role="status"]')!.textContent!.trim()).to.equal('Your comment is awaiting moderation.');
  });

  it('opens from #comment-<id> and moves to that comment, loading pages until it is found', async () => {
    const server = await commentServer();
    const post = freshPostId();
    let target = 0;
    for (let index = 0; index < 25; index += 1) {
      target = (await seedComment(server, { post, content: `Comment ${index}`, ...freshAuthor() })).id;
    }
    history.replaceState(null, '', `${location.pathname}${location.search}#comment-${target}`);
    const wrapper = await fixture<HTMLElement>(html`<div></div>`);
    const focused = oneEvent(wrapper, 'focusin');
    wrapper.innerHTML = `<comment-section endpoint="${server.endpoint}" post-id="${post}"></comment-section>`;
    await focused;
    const element = wrapper.querySelector('comment-section')!;
    expect(element.open).to.equal(true);
    const list = part<CommentList>(element, 'comment-list');
    expect(list.shadowRoot!.activeElement!.closest('li')!.id).to.equal(`comment-${target}`);
  });

  it('opens from #comments, and counts a comment the server approves at once', async () => {
    const server = await commentServer();
    const post = freshPostId();
    const author = freshAuthor();
    // An author with an approved comment is approved directly (first-time moderation).
    await seedComment(server, { post, content: 'An earlier word', ...author });
    history.replaceState(null, '', `${location.pathname}${location.search}#comments`);
    const element = await section(server, post);
    expect(element.open).to.equal(true);
    await element.show();
    const form = part<CommentForm>(element, 'comment-form');
    await form.updateComplete;
    const toggle = part<HTMLElement & { count?: number; updateComplete: Promise<boolean> }>(element, 'comment-toggle');
    // The toggle's own count (the seeded comment) must arrive before the post: a fetch still in flight would read the
    // new comment too and then be incremented for it.
    await waitUntil(() => toggle.count === 1, 'the toggle fetched its count');
    await fill(form, { content: 'Approved at once.', ...author });
    const posted = oneEvent(form, 'comment-posted');
    form.submit();
    expect(((await posted) as unknown as CommentPostedEvent).comment!.status).to.equal('approved');
    expect(toggle.count).to.equal(2);
    await toggle.updateComplete;
    expect(toggleButton(element).textContent!.trim()).to.equal('2 comments');
  });

  it('counts a comment once when the count fetch in flight reads it before the form hears back', async () => {
    const server = await commentServer();
    const post = freshPostId();
    const author = freshAuthor();
    await seedComment(server, { post, content: 'An earlier word', ...author });
    // The toggle's count request waits until the reader's comment is on the server, and is answered (and applied)
    // before the form gets the server's answer: the order of a slow count on a busy server.
    let created!: () => void;
    const commentCreated = new Promise<void>((resolve) => (created = resolve));
    let countRequests = 0;
    // The toggle, once the section has rendered it (the fetch wrapper below runs before).
    const parts: { toggle?: CommentToggle } = {};
    window.fetch = async (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (url.pathname.endsWith('/comments') && url.searchParams.get('per_page') === '1') {
        countRequests += 1;
        if (countRequests === 1) await commentCreated;
        return realFetch(input, init);
      }
      const response = await realFetch(input, init);
      if (init?.method === 'POST') {
        created();
        await waitUntil(() => parts.toggle?.count !== undefined, 'the count arrived first');
      }
      return response;
    };
    const element = await section(server, post);
    const toggle = (parts.toggle = part<CommentToggle>(element, 'comment-toggle'));
    const { form } = await open(element);
    await fill(form, { content: 'Posted while the count was on its way.', ...author });
    const posted = oneEvent(form, 'comment-posted');
    form.submit();
    expect(((await posted) as unknown as CommentPostedEvent).comment!.status).to.equal('approved');
    await toggle.countComplete;
    await toggle.updateComplete;
    expect(toggle.count).to.equal(2);
    expect(toggleButton(element).textContent!.trim()).to.equal('2 comments');
  });

  it('opens from a sort fragment (#comments-newest) in that order', async () => {
    const server = await commentServer();
    const post = freshPostId();
    for (const name of ['Older', 'Newer']) await seedComment(server, { post, content: name, ...freshAuthor(), author_name: name });
    history.replaceState(null, '', `${location.pathname}${location.search}#comments-newest`);
    const element = await section(server, post);
    await element.show();
    const list = part<CommentList>(element, 'comment-list');
    await list.updateComplete;
    await list.loadComplete;
    await list.updateComplete;
    expect(element.open).to.equal(true);
    expect([...list.shadowRoot!.querySelectorAll('.author')].map((name) => name.textContent!.trim())).to.deep.equal(['Newer', 'Older']);
    expect(list.shadowRoot!.querySelector('select')!.value).to.equal('desc');
  });

  it('opens with the keyboard', async () => {
    const element = await section(await commentServer(), freshPostId());
    toggleButton(element).focus();
    const toggled = oneEvent(element, 'toggle');
    await sendKeys({ press: 'Enter' });
    await toggled;
    expect(element.open).to.equal(true);
  });
});
