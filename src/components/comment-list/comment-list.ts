import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { parseIsoDate } from '../../internal/dates.js';
import { relativeTime } from '../../internal/intl.js';
import { safeUrl } from '../../internal/safe-url.js';
import { visuallyHidden } from '../../internal/visually-hidden.styles.js';
import { buttonStyles } from '../../internal/button.styles.js';
import { CommentReplyEvent } from '../../events/comment-reply-event.js';
import type { CommentPostedEvent } from '../../events/comment-posted-event.js';
import type { WpComment } from 'newsroom-comment-protocol';
import { CommentPart } from '../../comments/comment-part.js';
import { fetchComments } from '../../comments/comment-api.js';
import { sanitizeComment } from './sanitize.js';
import { commentListTerms } from './comment-list.terms.js';
import { styles } from './comment-list.styles.js';

const UNITS: ReadonlyArray<readonly [Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 31_536_000],
  ['month', 2_592_000],
  ['week', 604_800],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
  ['second', 1],
];

/** The largest whole unit of a time difference, as `Intl.RelativeTimeFormat` wants it ("2 hours ago"). */
function relativeUnit(date: Date, now: number): readonly [number, Intl.RelativeTimeFormatUnit] {
  const seconds = (date.getTime() - now) / 1000;
  const [unit, size] = UNITS.find(([, size]) => Math.abs(seconds) >= size) ?? UNITS[UNITS.length - 1];
  return [Math.trunc(seconds / size), unit];
}

function initials(name: string): string {
  return name
    .trim()
    .split(/\s+/, 2)
    .map((word) => Array.from(word)[0] ?? '')
    .join('')
    .toLocaleUpperCase();
}

/** An absolute http(s) URL, or `undefined`: a commenter's relative "website" would point into the article's site. */
function externalUrl(raw: string | undefined): string | undefined {
  const url = safeUrl(raw);
  return url && /^https?:/i.test(url) ? url : undefined;
}

/**
 * @tag comment-list
 * @summary A post's approved comments, threaded by reply, oldest first, with "Load more".
 *
 * Comment text arrives as HTML (`content.rendered`) and is reduced with DOMPurify to WordPress's commenter
 * allowlist before it reaches the page. A comment that a `comment-form` on the same page posts shows at once, marked
 * "Your comment is awaiting moderation." while it is held.
 *
 * @csspart list - The top-level list of comments.
 * @csspart comment - Each comment.
 * @csspart avatar - A commenter's initials or picture.
 * @csspart reply - The Reply buttons.
 * @csspart more - The "Load more comments" button.
 *
 * @cssprop --comment-list-gap - Space between comments (default: 1.5rem).
 * @cssprop --comment-list-indent - Indent of each reply level (default: 1.5rem).
 * @cssprop --comment-list-avatar-size - Size of the avatars (default: 2.5rem).
 *
 * @fires {CommentReplyEvent} comment-reply - The reader pressed a comment's Reply button.
 */
export class CommentList extends CommentPart<typeof commentListTerms.en> {
  static override styles = [visuallyHidden, buttonStyles, styles];
  static override terms = commentListTerms;
  static override properties = {
    comments: { state: true },
    status: { state: true },
    page: { state: true },
    totalPages: { state: true },
    perPage: { attribute: 'per-page', type: Number },
    maxDepth: { attribute: 'max-depth', type: Number },
    avatars: {},
  };

  /** The comments loaded so far, plus the reader's own held ones, in arrival order. */
  private comments: WpComment[] = [];
  private status: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  /** The last page loaded (0 before the first). */
  private page = 0;
  private totalPages = 0;

  /** How many comments each request asks for (1–100). */
  perPage = 20;

  /** Deepest level of reply threads; deeper replies are listed at that level. */
  maxDepth = 5;

  /** `initials` (default) makes no request to an avatar service; `remote` shows `author_avatar_urls`. */
  avatars: 'initials' | 'remote' = 'initials';

  private source = '';
  private loading: Promise<void> = Promise.resolve();
  private readonly sanitized = new Map<number, string>();

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('comment-posted', this.handlePosted);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('comment-posted', this.handlePosted);
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const source = this.apiEndpoint && this.post ? `${this.apiEndpoint}|${this.post}` : '';
    if (source !== this.source) {
      this.source = source;
      if (source) void this.reload();
    }
  }

  private readonly handlePosted = (event: Event): void => {
    const { comment } = event as CommentPostedEvent;
    if (comment && comment.post === this.post && !this.comments.some((known) => known.id === comment.id)) {
      this.comments = [...this.comments, comment];
    }
  };

  private handleLoadMore(): void {
    if (this.status !== 'loading') void this.loadPage(this.page + 1);
  }

  private handleReply(comment: WpComment): void {
    this.dispatchEvent(new CommentReplyEvent(comment.id, comment.author_name));
  }

  private loadPage(page: number): Promise<void> {
    const endpoint = this.apiEndpoint;
    const post = this.post;
    if (!endpoint || !post) return Promise.resolve();
    this.status = 'loading';
    const perPage = Number.isInteger(this.perPage) ? Math.min(100, Math.max(1, this.perPage)) : 20;
    this.loading = fetchComments(endpoint, post, page, perPage).then(
      (result) => {
        // A comment already shown (the reader's own, held when posted) is replaced by the server's current copy.
        const fetched = new Map(result.comments.map((comment) => [comment.id, comment]));
        const updated = this.comments.map((comment) => fetched.get(comment.id) ?? comment);
        const known = new Set(updated.map((comment) => comment.id));
        this.comments = [...updated, ...result.comments.filter((comment) => !known.has(comment.id))];
        this.page = page;
        this.totalPages = result.totalPages;
        this.status = 'ready';
      },
      () => {
        this.status = 'error';
      },
    );
    return this.loading;
  }

  /** Resolves when the request in flight, if any, has settled (loaded or failed). */
  get loadComplete(): Promise<void> {
    return this.loading;
  }

  /** Loads the comments again from the first page, keeping the reader's own comments still held for moderation. */
  reload(): Promise<void> {
    this.comments = this.comments.filter((comment) => comment.status === 'hold');
    this.sanitized.clear();
    this.page = 0;
    return this.loadPage(1);
  }

  /** Loads pages until the comment shows, then scrolls to it and focuses it; resolves `false` if it is not found. */
  async reveal(commentId: number): Promise<boolean> {
    // A list just put in the page (as an opening section's) starts loading its first page in its first update.
    await this.updateComplete;
    await this.loading;
    while (!this.comments.some((comment) => comment.id === commentId) && this.status === 'ready' && this.page < this.totalPages) {
      await this.loadPage(this.page + 1);
    }
    await this.updateComplete;
    const article = this.renderRoot.querySelector<HTMLElement>(`#comment-${commentId} > article`);
    article?.scrollIntoView({ block: 'start' });
    article?.focus({ preventScroll: true });
    return article !== null;
  }

  /** The only markup any element inserts as HTML: the server's `content.rendered`, sanitised by DOMPurify first. */
  private contentOf(comment: WpComment): string {
    let html = this.sanitized.get(comment.id);
    if (html === undefined) {
      html = sanitizeComment(String(comment.content?.rendered ?? ''));
      this.sanitized.set(comment.id, html);
    }
    return html;
  }

  private renderAvatar(comment: WpComment) {
    const urls = comment.author_avatar_urls;
    const remote = this.avatars === 'remote' && urls ? externalUrl(urls['48'] ?? Object.values(urls).pop()) : undefined;
    return remote
      ? html`<img part="avatar" class="avatar" src=${remote} alt="" width="40" height="40" loading="lazy" referrerpolicy="no-referrer" />`
      : html`<span part="avatar" class="avatar" aria-hidden="true">${initials(comment.author_name)}</span>`;
  }

  private renderTime(comment: WpComment) {
    const date = parseIsoDate(comment.date_gmt ? `${comment.date_gmt}Z` : comment.date);
    if (!date) return nothing;
    const absolute = this.localize.date(date, { dateStyle: 'long', timeStyle: 'short' });
    return html`<time datetime=${date.toISOString()} title=${absolute}
      >${relativeTime(this.localize.lang, ...relativeUnit(date, Date.now()))}<span class="visually-hidden"> (${absolute})</span></time
    >`;
  }

  private renderComment(comment: WpComment, depth: number, replies: TemplateResult | typeof nothing) {
    const authorId = `comment-${comment.id}-author`;
    const url = externalUrl(comment.author_url);
    const name = String(comment.author_name ?? '');
    return html`<li id="comment-${comment.id}">
      <article part="comment" tabindex="-1" aria-labelledby=${authorId}>
        ${this.renderAvatar(comment)}
        <div class="meta">
          <span class="author" id=${authorId}>${url ? html`<a href=${url} rel="nofollow ugc noopener">${name}</a>` : name}</span>
          ${this.renderTime(comment)}
        </div>
        ${comment.status === 'hold' ? html`<p class="moderation">${this.localize.term('awaitingModeration')}</p>` : nothing}
        <div class="content">${unsafeHTML(this.contentOf(comment))}</div>
        ${depth < this.depthLimit && comment.status === 'approved'
          ? html`<button part="reply" type="button" aria-describedby=${authorId} @click=${() => this.handleReply(comment)}>
              ${this.localize.term('reply')}
            </button>`
          : nothing}
      </article>
      ${replies}
    </li>`;
  }

  private get depthLimit(): number {
    return Number.isInteger(this.maxDepth) && this.maxDepth > 0 ? this.maxDepth : 5;
  }

  /** Comments and their replies as nested lists; replies past `max-depth` follow their parent at the last level. */
  private renderThread(comments: WpComment[], children: Map<number, WpComment[]>, depth: number): TemplateResult[] {
    return comments.flatMap((comment) => {
      const replies = children.get(comment.id) ?? [];
      if (replies.length === 0) return [this.renderComment(comment, depth, nothing)];
      if (depth >= this.depthLimit) return [this.renderComment(comment, depth, nothing), ...this.renderThread(replies, children, depth)];
      return [this.renderComment(comment, depth, html`<ol class="replies">${this.renderThread(replies, children, depth + 1)}</ol>`)];
    });
  }

  private renderStatus() {
    if (this.status === 'error') {
      return html`<div class="state" role="alert">
        ${this.localize.term('error')}
        <button type="button" @click=${this.handleLoadMore}>${this.localize.term('retry')}</button>
      </div>`;
    }
    if (this.comments.length > 0) return nothing;
    return html`<p class="state" role="status">
      ${this.status === 'ready' ? this.localize.term('empty') : this.localize.term('loading')}
    </p>`;
  }

  protected override render() {
    const ids = new Set(this.comments.map((comment) => comment.id));
    const roots: WpComment[] = [];
    const children = new Map<number, WpComment[]>();
    for (const comment of this.comments) {
      // A reply whose parent is not loaded (yet) is shown at the top level rather than hidden.
      if (comment.parent && ids.has(comment.parent)) children.set(comment.parent, [...(children.get(comment.parent) ?? []), comment]);
      else roots.push(comment);
    }
    return html`${roots.length > 0
        ? html`<ol part="list" class="comments" aria-label=${this.localize.term('comments')}>${this.renderThread(roots, children, 1)}</ol>`
        : nothing}
      ${this.renderStatus()}
      ${this.status !== 'error' && this.page < this.totalPages
        ? html`<button part="more" class="more" type="button" aria-busy=${this.status === 'loading' ? 'true' : 'false'}
            @click=${this.handleLoadMore}>${this.localize.term('loadMore')}</button>`
        : nothing}`;
  }
}
