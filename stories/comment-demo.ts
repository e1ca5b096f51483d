// A pretend WordPress comments endpoint for the comment stories: fetch is answered in the page with fixed,
// WordPress-shaped data. Each post id is one scenario. The comments are written for these stories.
import type { WpComment } from 'newsroom-comment-protocol';

export const DEMO_ENDPOINT = 'https://comments.example/wp-json/wp/v2';

/** Post ids of the scenarios. */
export const POSTS = { empty: 1, thread: 2, failing: 3, loading: 4, duplicate: 5, flood: 6, hostile: 7 } as const;

const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString().slice(0, 19);

function comment(id: number, parent: number, author_name: string, text: string, minutesAgo: number, author_url = ''): WpComment {
  const date = ago(minutesAgo);
  return {
    id,
    post: POSTS.thread,
    parent,
    author_name,
    author_url,
    date,
    date_gmt: date,
    content: { rendered: `<p>${text}</p>\n` },
    status: 'approved',
    link: `https://news.example/?p=2#comment-${id}`,
    type: 'comment',
  };
}

const THREAD: WpComment[] = [
  comment(11, 0, 'Marta Kowalska', 'We took in a family from Kharkiv last week. The town hall helped with <em>everything</em>.', 180, 'https://example.org/marta'),
  comment(12, 11, 'Andrii', 'Thank you. My sister is in Przemyśl now, waiting for news.', 150),
  comment(13, 12, 'Marta Kowalska', 'I hope she hears soon. The volunteers at the station know a lot.', 120),
  comment(14, 0, 'Claire Dubois', 'Is there a list of organisations that accept donations of <strong>medicine</strong>?', 60),
];

// A hostile commenter, in a post of its own so that the demo thread stays readable: tested, kept out of the docs.
const HOSTILE: WpComment[] = [
  { ...comment(15, 0, '<script>alert(1)</script>', 'Hostile markup arrives as text: &lt;img src=x onerror=alert(1)&gt;', 5, 'javascript:alert(1)'), post: POSTS.hostile },
];

function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

const error = (status: number, code: string, message: string) => json({ code, message, data: { status } }, status);

async function answer(url: URL, init: RequestInit = {}): Promise<Response> {
  if ((init.method ?? 'GET') === 'POST') {
    const body = JSON.parse(String(init.body)) as { post: number; parent?: number; author_name?: string; content: string };
    if (body.post === POSTS.duplicate) return error(409, 'comment_duplicate', 'Duplicate comment detected; it looks as though you’ve already said that!');
    if (body.post === POSTS.flood) return error(429, 'comment_flood', 'You are posting comments too quickly. Slow down.');
    if (body.post === POSTS.failing) return error(500, 'rest_internal_error', 'The server could not handle the request.');
    const created = { ...comment(100 + Math.floor(Math.random() * 1e6), body.parent ?? 0, body.author_name ?? '', body.content, 0), post: body.post };
    return json({ ...created, content: { rendered: `<p>${body.content.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)}</p>` }, status: 'hold' }, 201);
  }
  const post = Number(url.searchParams.get('post'));
  const page = Number(url.searchParams.get('page') ?? 1);
  const perPage = Number(url.searchParams.get('per_page') ?? 10);
  if (post === POSTS.failing) return error(500, 'rest_internal_error', 'The server could not handle the request.');
  if (post === POSTS.loading) return new Promise<Response>(() => undefined);
  const all = post === POSTS.thread ? THREAD : post === POSTS.hostile ? HOSTILE : [];
  return json(all.slice((page - 1) * perPage, page * perPage), 200, {
    'X-WP-Total': String(all.length),
    'X-WP-TotalPages': String(Math.ceil(all.length / perPage)),
  });
}

const realFetch = window.fetch.bind(window);
window.fetch = (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input), location.href);
  return url.href.startsWith(DEMO_ENDPOINT) ? answer(url, init) : realFetch(input, init);
};
