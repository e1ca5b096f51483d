import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { WpComment } from 'newsroom-comment-protocol';
import '../src/components/comment-list/define.js';

// A pretend comment server of our kind (it sends X-Comment-Server), answered in the page: a post with many
// conversations, a stream that brings new comments, and a comment this browser may still edit. The comments are
// written for these stories.
const ENDPOINT = 'https://comments-at-scale.example/wp-json/wp/v2';
const POSTS = { many: 21, live: 22, editable: 23 } as const;
const OWN_COMMENT = 2301;

const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString().slice(0, 19);
const NAMES = ['Olena', 'Marc', 'Priya', 'Tomasz', 'Aisha', 'Jonas', 'Inès', 'Dmytro', 'Sofia', 'Kenji'];
const TOPICS = ['the bridge closure', 'the night buses', 'the new cycle lane', 'the school run', 'the market square'];

function comment(post: number, id: number, parent: number, author_name: string, text: string, minutesAgo: number, extra: Partial<WpComment> = {}): WpComment {
  const date = ago(minutesAgo);
  return {
    id,
    post,
    parent,
    author_name,
    author_url: '',
    date,
    date_gmt: date,
    content: { rendered: `<p>${text}</p>\n` },
    status: 'approved',
    link: `https://news.example/?p=${post}#comment-${id}`,
    type: 'comment',
    ...extra,
  };
}

// Sixty conversations, every third with a reply and a reply to that.
const MANY: WpComment[] = Array.from({ length: 60 }, (_, index) => {
  const id = 2100 + index * 3;
  const root = comment(POSTS.many, id, 0, NAMES[index % NAMES.length], `Comment ${index + 1}: a word on ${TOPICS[index % TOPICS.length]}.`, 600 - index * 9);
  if (index % 3 !== 0) return [root];
  return [
    root,
    comment(POSTS.many, id + 1, id, NAMES[(index + 3) % NAMES.length], 'Same here, every morning.', 595 - index * 9),
    comment(POSTS.many, id + 2, id + 1, NAMES[(index + 5) % NAMES.length], 'It gets better after nine.', 590 - index * 9),
  ];
}).flat();

const LIVE: WpComment[] = [comment(POSTS.live, 2200, 0, 'Olena', 'Following this story as it develops.', 30)];
const ARRIVING: WpComment[] = [
  comment(POSTS.live, 2201, 0, 'Marc', 'The road is open again, just drove through.', 0),
  comment(POSTS.live, 2202, 2200, 'Priya', 'Same: the detour signs are gone.', 0),
];

const EDITABLE: WpComment[] = [
  comment(POSTS.editable, 2300, 0, 'Inès', 'Corrected: the meeting is on Thursday, not Tuesday.', 40, { edited_gmt: ago(35) }),
  comment(POSTS.editable, OWN_COMMENT, 0, 'You', 'My comment, posted from this browser a minute ago.', 1),
];

// The edit token the form would have kept when "You" posted (see comment-form): the edit window is open.
localStorage.setItem(
  `newsroom-elements.comment-edit:${ENDPOINT}|${OWN_COMMENT}`,
  JSON.stringify({ token: 'story-token', until: Date.now() + 24 * 3600_000 }),
);

const json = (body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json', 'X-Comment-Server': 'newsroom-comment-server', ...headers } });

function list(url: URL): Response {
  const post = Number(url.searchParams.get('post'));
  const all = post === POSTS.many ? MANY : post === POSTS.live ? LIVE : post === POSTS.editable ? EDITABLE : [];
  const thread = url.searchParams.get('thread')?.split(',').map(Number);
  const parent = url.searchParams.get('parent')?.split(',').map(Number);
  let found = all;
  if (thread) {
    const below = new Set(thread);
    found = all.filter((each) => each.parent && below.has(each.parent) && below.add(each.id));
  } else if (parent) {
    found = all.filter((each) => parent.includes(each.parent));
  }
  if (url.searchParams.get('order') === 'desc') found = [...found].reverse();
  const page = Number(url.searchParams.get('page') ?? 1);
  const perPage = Number(url.searchParams.get('per_page') ?? 10);
  return json(found.slice((page - 1) * perPage, page * perPage), {
    'X-WP-Total': String(found.length),
    'X-WP-TotalPages': String(Math.ceil(found.length / perPage)),
  });
}

const realFetch = window.fetch.bind(window);
window.fetch = async (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input), location.href);
  if (!url.href.startsWith(ENDPOINT)) return realFetch(input, init);
  const id = Number(/\/comments\/(\d+)$/.exec(url.pathname)?.[1]);
  const own = EDITABLE.find((each) => each.id === id);
  if (own && init?.method === 'POST') {
    const { content } = JSON.parse(String(init.body)) as { content: string };
    const text = content.replace(/[&<>"]/g, (character) => `&#${character.charCodeAt(0)};`);
    return json({ ...own, content: { rendered: `<p>${text}</p>` }, edited_gmt: ago(0) });
  }
  if (own && init?.method === 'DELETE') return json({ deleted: true, previous: own });
  return list(url);
};

// The stream of the live post: the two new comments arrive as soon as the list listens.
const RealEventSource = window.EventSource;
class DemoEventSource extends EventTarget {
  readonly url: string;
  readyState = 0;
  constructor(url: string) {
    super();
    this.url = url;
    queueMicrotask(() => {
      this.readyState = 1;
      if (!url.includes(`post=${POSTS.live}`)) return;
      ARRIVING.forEach((each, index) =>
        this.dispatchEvent(new MessageEvent('comment', { data: JSON.stringify(each), lastEventId: String(index + 1) })),
      );
    });
  }
  close(): void {
    this.readyState = 2;
  }
}
window.EventSource = new Proxy(RealEventSource, {
  construct: (target, args: [string, EventSourceInit?]) =>
    String(args[0]).startsWith(ENDPOINT) ? (new DemoEventSource(args[0]) as unknown as EventSource) : new target(...args),
});

interface ScaleArgs {
  'post-id': number;
  'per-page'?: number;
  'max-depth'?: number;
}

const meta: Meta<ScaleArgs> = {
  title: 'Comments at scale',
  component: 'comment-list',
  args: { 'post-id': POSTS.many, 'per-page': 10 },
  render: (args) => html`<comment-list endpoint=${ENDPOINT} post-id=${args['post-id']} per-page=${args['per-page'] ?? 25}
    max-depth=${args['max-depth'] ?? 5}></comment-list>`,
};

export default meta;
type Story = StoryObj<ScaleArgs>;

/**
 * Sixty conversations, ten at a time, each with all its replies: "Load more comments" adds the next ten below,
 * focuses the first of them and says how many came. "Sort comments" switches to newest first; the choice is kept and
 * written into the URL fragment.
 */
export const ManyComments: Story = {};

/** Replies deeper than `max-depth` stay at that level, each saying whom it answers. */
export const FlatBelowMaxDepth: Story = { args: { 'max-depth': 2 } };

/** New comments arrived on the stream: they wait behind "2 new comments" instead of moving what the reader reads. */
export const NewComments: Story = { args: { 'post-id': POSTS.live } };

/**
 * The reader's own comment, posted from this browser while its edit window is open, has Edit and Delete; another
 * comment shows "(edited …)" with the time of its edit.
 */
export const EditOwnComment: Story = { args: { 'post-id': POSTS.editable } };
