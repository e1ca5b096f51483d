import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { STREAM_PATH } from 'newsroom-comment-protocol';
import '../../src/components/comment-section/define.js';
import type { CommentList } from '../../src/components/comment-list/comment-list.js';
import type { CommentSection } from '../../src/components/comment-section/comment-section.js';
import type { CommentToggle } from '../../src/components/comment-toggle/comment-toggle.js';
import type { CommentCountEvent } from '../../src/events/comment-count-event.js';
import { expectAccessible } from './helpers.js';
import { commentServer, eraseAuthor, freshAuthor, freshPostId, moderate, oneStreamCommentServer, seedComment } from './comment-fixtures.js';
import { author, items, mountList } from './comment-list-helpers.js';

const RealEventSource = window.EventSource;
/** Every stream the page opens, in order (the real EventSource, recorded). */
let streams: EventSource[] = [];

class RecordedEventSource extends RealEventSource {
  constructor(url: string | URL, init?: EventSourceInit) {
    super(url, init);
    streams.push(this);
  }
}

async function opened(count = 1): Promise<EventSource> {
  await waitUntil(() => streams.length >= count && streams[count - 1].readyState === RealEventSource.OPEN, 'the stream opened', { timeout: 5000 });
  return streams[count - 1];
}

const newButton = (element: CommentList) => element.shadowRoot!.querySelector<HTMLButtonElement>('button[part="new"]');
const liveText = (element: CommentList) => element.shadowRoot!.querySelector('.visually-hidden[role="status"]')!.textContent!.trim();

function setVisibility(state: 'visible' | 'hidden'): void {
  // The page's visibility as a browser reports it when the reader switches tabs.
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
  document.dispatchEvent(new Event('visibilitychange'));
}

describe('comment-list live', () => {
  beforeEach(() => {
    streams = [];
    window.EventSource = RecordedEventSource;
  });

  afterEach(() => {
    window.EventSource = RealEventSource;
    delete (document as { visibilityState?: unknown }).visibilityState;
    for (const stream of streams) stream.close();
  });

  it('shares one stream among the lists of one post, so that a page never runs out of connections to the server', async () => {
    const server = await commentServer();
    const post = freshPostId();
    await seedComment(server, { post, content: 'Listed', ...freshAuthor(), author_name: 'Listed' });
    const lists = await Promise.all([mountList(server, post), mountList(server, post), mountList(server, post)]);
    await opened();
    await seedComment(server, { post, content: 'Shared', ...freshAuthor(), author_name: 'Shared' });
    for (const element of lists) {
      await waitUntil(() => newButton(element)?.textContent!.trim() === '1 new comment', 'each list hears of it', { timeout: 5000 });
    }
    expect(streams).to.have.length(1);
    // The last list to stop following closes the connection.
    lists[0].remove();
    lists[1].remove();
    expect(streams[0].readyState).to.equal(RealEventSource.OPEN);
    lists[2].remove();
    expect(streams[0].readyState).to.equal(RealEventSource.CLOSED);
  });

  it('opens a stream the server refused again by itself, after a back-off, and misses nothing meanwhile', async function () {
    // The back-off's first two waits, if the server has not yet freed the other tab's stream at the first.
    this.timeout(30_000);
    // One stream per address, and another tab of the same office holds it: the list's stream is answered 429.
    const server = await oneStreamCommentServer(navigator.userAgent);
    const post = freshPostId();
    await seedComment(server, { post, content: 'Listed', ...freshAuthor(), author_name: 'Listed' });
    const otherTab = new RealEventSource(`${server.endpoint}/comments${STREAM_PATH}?post=${freshPostId()}`);
    try {
      await waitUntil(() => otherTab.readyState === RealEventSource.OPEN, 'the other tab has the stream', { timeout: 5000 });
      const element = await mountList(server, post);
      await waitUntil(() => streams[0]?.readyState === RealEventSource.CLOSED, 'the server refused the list its stream', { timeout: 5000 });
      // Posted while the list has no stream: the next one resumes from where the list was read.
      await seedComment(server, { post, content: 'Meanwhile', ...freshAuthor(), author_name: 'Meanwhile' });
      otherTab.close();
      await waitUntil(() => streams.length === 2 && streams[1].readyState === RealEventSource.OPEN, 'the list opened its stream again', { timeout: 20_000 });
      await waitUntil(() => newButton(element)?.textContent!.trim() === '1 new comment', 'the comment posted meanwhile arrives', { timeout: 5000 });
      await seedComment(server, { post, content: 'Live again', ...freshAuthor(), author_name: 'Live again' });
      await waitUntil(() => newButton(element)?.textContent!.trim() === '2 new comments', 'and so does the next one', { timeout: 5000 });
      expect(streams).to.have.length(2);
    } finally {
      otherTab.close();
    }
  });

  it('misses no comment approved between reading the list and opening the stream', async () => {
    const server = await commentServer();
    const post = freshPostId();
    await seedComment(server, { post, content: 'Listed', ...freshAuthor(), author_name: 'Listed' });
    const wrapper = await fixture<HTMLElement>(
      html`<div lang="en"><comment-list endpoint=${server.endpoint} post-id=${post} .live=${false}></comment-list></div>`,
    );
    const element = wrapper.querySelector('comment-list')!;
    await element.loadComplete;
    await element.updateComplete;
    expect(streams).to.have.length(0);
    await seedComment(server, { post, content: 'In between', ...freshAuthor(), author_name: 'In between' });
    element.live = true;
    const stream = await opened();
    expect(new URL(stream.url).searchParams.get('last_event_id')).to.match(/^\d+$/);
    await waitUntil(() => newButton(element)?.textContent!.trim() === '1 new comment', 'the comment approved in between waits', { timeout: 5000 });
    expect(items(element)).to.have.length(1);
  });

  it('keeps new comments behind a "N new comments" button, announced politely, and shows them on request', async () => {
    const server = await commentServer();
    const post = freshPostId();
    await seedComment(server, { post, content: 'First', ...freshAuthor(), author_name: 'First' });
    const element = await mountList(server, post);
    const counts: number[] = [];
    element.addEventListener('comment-count', (event: CommentCountEvent) => counts.push(event.delta));
    const stream = await opened();
    expect(new URL(stream.url).searchParams.get('post')).to.equal(String(post));

    const second = await seedComment(server, { post, content: 'Second', ...freshAuthor(), author_name: 'Second' });
    await seedComment(server, { post, content: 'Third', ...freshAuthor(), author_name: 'Third' });
    await waitUntil(() => newButton(element)?.textContent!.trim() === '2 new comments', 'two comments wait', { timeout: 5000 });
    expect(liveText(element)).to.equal('2 new comments');
    expect(items(element)).to.have.length(1);
    expect(counts).to.deep.equal([1, 1]);
    await expectAccessible(element);

    newButton(element)!.click();
    await element.updateComplete;
    expect(items(element).map(author)).to.deep.equal(['First', 'Second', 'Third']);
    expect(element.shadowRoot!.activeElement!.closest('li')!.id).to.equal(`comment-${second.id}`);
    expect(newButton(element)).to.equal(null);
  });

  it('removes a comment a moderator takes down, and counts it out', async () => {
    const server = await commentServer();
    const post = freshPostId();
    const doomed = await seedComment(server, { post, content: 'Soon gone', ...freshAuthor() });
    await seedComment(server, { post, content: 'Stays', ...freshAuthor() });
    const element = await mountList(server, post);
    const counts: number[] = [];
    element.addEventListener('comment-count', (event: CommentCountEvent) => counts.push(event.delta));
    await opened();
    await moderate(server, doomed.id, 'trash');
    await waitUntil(() => items(element).length === 1, 'the comment went', { timeout: 5000 });
    expect(counts).to.deep.equal([-1]);
  });

  it('shows a reply as a top-level comment when its parent is erased and it moves up', async () => {
    const server = await commentServer();
    const post = freshPostId();
    const erased = freshAuthor();
    const parent = await seedComment(server, { post, content: 'Erased on request', ...erased });
    const reply = await seedComment(server, { post, parent: parent.id, content: 'An answer that stays', ...freshAuthor() });
    const element = await mountList(server, post);
    await opened();
    await eraseAuthor(erased.author_email, 'delete');
    await waitUntil(() => items(element).length === 1, 'the erased comment went', { timeout: 5000 });
    const [shown] = items(element);
    expect(shown.id).to.equal(`comment-${reply.id}`);
    expect(shown.textContent).to.contain('An answer that stays');
    await expectAccessible(element);
  });

  it('closes the stream while the page is hidden and resumes after the last event when it shows again', async () => {
    const server = await commentServer();
    const post = freshPostId();
    const element = await mountList(server, post);
    const first = await opened();
    await seedComment(server, { post, content: 'While visible', ...freshAuthor() });
    await waitUntil(() => newButton(element) !== null, 'the first comment waits', { timeout: 5000 });

    setVisibility('hidden');
    expect(first.readyState).to.equal(RealEventSource.CLOSED);
    await seedComment(server, { post, content: 'While hidden', ...freshAuthor() });
    setVisibility('visible');
    const second = await opened(2);
    expect(new URL(second.url).searchParams.get('last_event_id')).to.match(/^\S+$/);
    await waitUntil(() => newButton(element)?.textContent!.trim() === '2 new comments', 'the missed comment came', { timeout: 5000 });
  });

  it('updates the toggle’s count in an open section, and opens no stream while it is closed', async () => {
    const server = await commentServer();
    const post = freshPostId();
    await seedComment(server, { post, content: 'Counted', ...freshAuthor() });
    const element = await fixture<CommentSection>(html`<comment-section endpoint=${server.endpoint} post-id=${post}></comment-section>`);
    const toggle = element.shadowRoot!.querySelector<CommentToggle>('comment-toggle')!;
    await waitUntil(() => toggle.count === 1, 'the toggle counted');
    expect(streams).to.have.length(0);
    await element.show();
    const list = element.shadowRoot!.querySelector('comment-list')!;
    await list.loadComplete;
    await opened();
    await seedComment(server, { post, content: 'Live', ...freshAuthor() });
    await waitUntil(() => toggle.count === 2, 'the toggle counts the new comment', { timeout: 5000 });
    await toggle.updateComplete;
    expect(toggle.shadowRoot!.querySelector('button')!.textContent!.trim()).to.equal('2 comments');

    toggle.shadowRoot!.querySelector('button')!.click();
    await element.updateComplete;
    await list.updateComplete;
    expect(streams[0].readyState).to.equal(RealEventSource.CLOSED);
  });
});
