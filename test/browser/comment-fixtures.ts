import type { WpComment, WpCommentCreate } from 'newsroom-comment-protocol';

/** The real comment server the test runner started (see test/support/comment-server-plugin.mjs). */
export interface CommentServer {
  url: string;
  endpoint: string;
  adminToken: string;
}

/** The shared instance (flood rule off), or with `flood` an instance of its own with the 15-second rule on. */
export async function commentServer(flood?: string): Promise<CommentServer> {
  const response = await fetch(`/__comment-server${flood ? `?flood=${encodeURIComponent(flood)}` : ''}`);
  const { url, adminToken } = (await response.json()) as { url: string; adminToken: string };
  return { url, endpoint: `${url}/wp-json/wp/v2`, adminToken };
}

/** An instance of its own per `key` that allows a single live stream per address (a crowded office behind one NAT). */
export async function oneStreamCommentServer(key: string): Promise<CommentServer> {
  const { url, adminToken } = (await (await fetch(`/__comment-server?streams=${encodeURIComponent(key)}`)).json()) as { url: string; adminToken: string };
  return { url, endpoint: `${url}/wp-json/wp/v2`, adminToken };
}

/** The instance that emails reply notifications (to an SMTP server the test runner started with it). */
export async function notifyingCommentServer(): Promise<CommentServer> {
  const { url, adminToken } = (await (await fetch('/__comment-server?notify=1')).json()) as { url: string; adminToken: string };
  return { url, endpoint: `${url}/wp-json/wp/v2`, adminToken };
}

/** The subjects of the emails to `address`, once there are `count` of them (or after 10 s, however many there are). */
export async function mailTo(address: string, count: number): Promise<string[]> {
  return (await fetch(`/__comment-server/mail?to=${encodeURIComponent(address)}&count=${count}`)).json();
}

/** A post id no other test (nor the other browser, running at the same time) uses. */
export function freshPostId(): number {
  return 1 + Math.floor(Math.random() * 2_000_000_000);
}

/** A commenter no other test uses, so that first-time moderation and duplicates apply per test. */
export function freshAuthor(): { author_name: string; author_email: string } {
  const tag = Math.random().toString(36).slice(2, 10);
  return { author_name: `Reader ${tag}`, author_email: `reader-${tag}@example.org` };
}

async function admin(server: CommentServer, path: string, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(`${server.endpoint}/comments${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${server.adminToken}`, 'Content-Type': 'application/json' },
  });
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${await response.text()}`);
  return response;
}

/** Sets a comment's status through the moderation API. */
export async function moderate(server: CommentServer, id: number, status: 'approved' | 'hold' | 'spam' | 'trash'): Promise<void> {
  await admin(server, `/${id}`, { method: 'POST', body: JSON.stringify({ status }) });
}

/** Erases every comment of an address through the data-rights API (`delete` moves replies up to the nearest ancestor kept). */
export async function eraseAuthor(email: string, mode: 'delete' | 'anonymise'): Promise<void> {
  const response = await fetch(`/__comment-server/erase?${new URLSearchParams({ email, mode })}`);
  if (!response.ok) throw new Error(`erase: ${response.status} ${await response.text()}`);
}

/** Every comment of a post with a given status, as the moderator sees them. */
export async function commentsWithStatus(server: CommentServer, post: number, status: string): Promise<WpComment[]> {
  return (await admin(server, `?post=${post}&status=${status}&per_page=100`)).json();
}

/** Posts a comment straight to the API (as another reader would) and approves it if asked. */
export async function seedComment(server: CommentServer, comment: WpCommentCreate, approve = true): Promise<WpComment> {
  const response = await fetch(`${server.endpoint}/comments`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(comment),
  });
  if (response.status !== 201) throw new Error(`seed: ${response.status} ${await response.text()}`);
  const created = (await response.json()) as WpComment;
  if (approve && created.status !== 'approved') await moderate(server, created.id, 'approved');
  return created;
}
