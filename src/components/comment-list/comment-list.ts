import { html, nothing, type TemplateResult } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { parseIsoDate } from '../../internal/dates.js';
import { pluralCategory, relativeTime } from '../../internal/intl.js';
import { safeUrl } from '../../internal/safe-url.js';
import { visuallyHidden } from '../../internal/visually-hidden.styles.js';
import { buttonStyles } from '../../internal/button.styles.js';
import { CommentReplyEvent } from '../../events/comment-reply-event.js';
import type { CommentPostedEvent } from '../../events/comment-posted-event.js';
import type { CommentStreamEvents, WpComment } from 'newsroom-comment-protocol';
import { CommentPart } from '../../comments/comment-part.js';
import { CommentApiError, type CommentQuery, deleteComment, editComment, fetchComment, fetchComments, followStream, knownOurServer } from '../../comments/comment-api.js';
import { requireNameEmailConverter as onUnlessFalse } from '../../comments/comment-options.js';
import { CommentCountEvent } from '../../events/comment-count-event.js';
import { fragmentOfOrder, orderOfFragment } from '../../comments/comment-links.js';
import { readEditGrant, readOrder, writeEditGrant, writeOrder, type EditGrant } from '../../comments/comment-storage.js';
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

/** WordPress's cap on `per_page`, also the most ids a `parent` or `thread` list names. */
const MAX_PER_PAGE = 100;

type Order = 'asc' | 'desc';

/**
 * @tag comment-list
 * @summary A post's approved comments, threaded by reply, a page of conversations at a time, with "Load more".
 *
 * Each page is `per-page` top-level comments with all their replies: two requests on our comment server (`thread=`),
 * one more per reply level on a stock WordPress (`parent=`). The reader sorts oldest or newest first with a native
 * `<select>`; the choice is kept in `localStorage` and written into the URL fragment (`#comments-newest`,
 * `#comments-oldest`), so that a link opens the same view. Comment text arrives as HTML (`content.rendered`) and is
 * reduced with DOMPurify to WordPress's commenter allowlist before it reaches the page. A comment that a
 * `comment-form` on the same page posts shows at once, marked "Your comment is awaiting moderation." while it is held.
 *
 * Live (our server only, while `live` and the page is visible): the list follows the post's stream of comment
 * changes. New comments are not put in above the reader: a "N new comments" button shows them, and a polite live
 * region says how many wait. Edits show in place; removed comments go. The stream is closed while the page is hidden
 * and resumed after the last event seen when it shows again. A stream the server refuses (too many from one address,
 * or a proxy's error while the server restarts) is opened again after a randomised back-off, also resuming there.
 *
 * Own comments (our server only): while the edit window of a comment posted from this browser is open (its token
 * kept by `comment-form` in `localStorage`), the comment has Edit and Delete buttons. An edited comment shows
 * "(edited …)" with the time. A refusal is worded by its reason (window over, a reply exists, a moderator acted).
 *
 * @csspart list - The top-level list of comments.
 * @csspart comment - Each comment.
 * @csspart avatar - A commenter's initials or picture.
 * @csspart reply - The Reply buttons.
 * @csspart more - The "Load more comments" button.
 * @csspart sort - The sort order's `<select>`.
 * @csspart in-reply-to - "In reply to <name>" on replies shown flat below `max-depth`.
 * @csspart new - The "N new comments" button.
 * @csspart edit - The Edit and Delete buttons of the reader's own comments, and those of the edit box.
 * @csspart edited - "(edited …)" on an edited comment.
 *
 * @cssprop --comment-list-gap - Space between comments (default: 1.5rem).
 * @cssprop --comment-list-indent - Indent of each reply level (default: 1.5rem).
 * @cssprop --comment-list-avatar-size - Size of the avatars (default: 2.5rem).
 *
 * @fires {CommentReplyEvent} comment-reply - The reader pressed a comment's Reply button.
 * @fires {CommentCountEvent} comment-count - The number of approved comments changed on the page (posted here,
 *   arrived live, removed); `delta` says by how much.
 */
export class CommentList extends CommentPart<typeof commentListTerms.en> {
  static override styles = [visuallyHidden, buttonStyles, styles];
  static override terms = commentListTerms;
  static override properties = {
    roots: { state: true },
    replies: { state: true },
    status: { state: true },
    page: { state: true },
    totalPages: { state: true },
    announcement: { state: true },
    chosenOrder: { state: true },
    pending: { state: true },
    live: { converter: onUnlessFalse },
    editing: { state: true },
    editError: { state: true },
    perPage: { attribute: 'per-page', type: Number },
    maxDepth: { attribute: 'max-depth', type: Number },
    order: {},
    avatars: {},
  };

  /** The top-level comments loaded so far, in the order shown, plus the reader's own. */
  private roots: WpComment[] = [];
  /** Every reply loaded so far (at any depth), oldest first. */
  private replies: WpComment[] = [];
  private status: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  /** The last page loaded (0 before the first). */
  private page = 0;
  private totalPages = 0;
  /** What the polite live region says. */
  private announcement = '';
  /** The order the reader chose (in the URL fragment, or earlier on any page), if any. */
  private chosenOrder?: Order;
  /** Comments that arrived live, waiting for the reader to show them. */
  private pending: WpComment[] = [];
  /** The reader's own comment being edited (`text`) or about to be deleted (`confirm`), and whether it is sending. */
  private editing?: { id: number; mode: 'text' | 'confirm'; busy: boolean };
  /** What went wrong with the last edit or deletion. */
  private editError = '';

  /**
   * Whether the list follows new comments as they come, on our server (`live="false"` to stop; a `comment-section`
   * turns it off while closed).
   */
  live = true;

  /** How many top-level comments a page shows, each with all its replies (1–100). */
  perPage = 25;

  /** Deepest level of reply threads; deeper replies are listed at that level, marked "In reply to <name>". */
  maxDepth = 5;

  /** The order shown until the reader chooses one: `asc` (oldest first, the default) or `desc` (newest first). */
  order: Order = 'asc';

  /** `initials` (default) makes no request to an avatar service; `remote` shows `author_avatar_urls`. */
  avatars: 'initials' | 'remote' = 'initials';

  private source = '';
  private loading: Promise<void> = Promise.resolve();
  private readonly sanitized = new Map<number, string>();
  /** Approved comments the count holds, as far as the page knows: loaded, posted here or arrived live. */
  private readonly counted = new Set<number>();
  /** Comments counted and then gone (removed, or held again after an edit), so that they leave the count once. */
  private readonly uncounted = new Set<number>();
  /** Edit grants of the reader's own comments on the page, while their window is open. */
  private readonly grants = new Map<number, EditGrant>();
  private grantTimer?: ReturnType<typeof setTimeout>;
  /** Stops following the post's stream, while the list follows it. */
  private unfollow?: () => void;
  private streamSource = '';
  private lastEventId?: string;

  override connectedCallback(): void {
    super.connectedCallback();
    this.chosenOrder = orderOfFragment(location.hash) ?? readOrder();
    window.addEventListener('comment-posted', this.handlePosted);
    window.addEventListener('hashchange', this.handleHashChange);
    document.addEventListener('visibilitychange', this.syncStream);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('comment-posted', this.handlePosted);
    window.removeEventListener('hashchange', this.handleHashChange);
    document.removeEventListener('visibilitychange', this.syncStream);
    this.syncStream();
    clearTimeout(this.grantTimer);
  }

  protected override updated(): void {
    this.syncStream();
  }

  /** Opens the stream when it is wanted and closed, closes it when it is open and no longer wanted. */
  private readonly syncStream = (): void => {
    const endpoint = this.apiEndpoint;
    const source = endpoint && this.post ? `${endpoint}|${this.post}` : '';
    const wanted =
      this.live && this.isConnected && document.visibilityState === 'visible' && this.page > 0 && !!endpoint && knownOurServer(endpoint) === true;
    if (this.unfollow && (!wanted || source !== this.streamSource)) {
      this.unfollow();
      this.unfollow = undefined;
    }
    if (source !== this.streamSource) {
      this.streamSource = source;
      this.lastEventId = undefined;
    }
    if (wanted && !this.unfollow) this.unfollow = followStream(endpoint!, this.post!, this.lastEventId, this.handleStreamEvent);
  };

  private readonly handleStreamEvent = (event: MessageEvent<string>): void => {
    if (event.lastEventId) this.lastEventId = event.lastEventId;
    let data: CommentStreamEvents[keyof CommentStreamEvents];
    try {
      data = JSON.parse(event.data) as typeof data;
    } catch {
      return;
    }
    if (!data || typeof data.id !== 'number' || data.post !== this.post) return;
    if (event.type === 'removed') this.removeComment(data.id);
    else if (event.type === 'edited') this.replace(data as WpComment);
    else this.arrive(data as WpComment);
  };

  private isShown(id: number): boolean {
    return this.roots.some((comment) => comment.id === id) || this.replies.some((comment) => comment.id === id);
  }

  /** Counts an approved comment the count may not hold yet, once. */
  private count(comment: WpComment, since: number): void {
    if (comment.status !== 'approved' || (this.counted.has(comment.id) && !this.uncounted.has(comment.id))) return;
    this.counted.add(comment.id);
    this.uncounted.delete(comment.id);
    this.dispatchEvent(new CommentCountEvent(1, since));
  }

  /** A comment no longer visible to everyone leaves the count, once (one the count never held, such as held, stays out). */
  private uncount(id: number): void {
    const shown = this.roots.find((comment) => comment.id === id) ?? this.replies.find((comment) => comment.id === id);
    if (this.uncounted.has(id) || (shown && shown.status !== 'approved' && !this.counted.has(id))) return;
    this.uncounted.add(id);
    this.dispatchEvent(new CommentCountEvent(-1, performance.now()));
  }

  /** A comment that became visible: waits behind the "new comments" button when the reader would see it. */
  private arrive(comment: WpComment): void {
    this.count(comment, performance.now());
    if (this.isShown(comment.id)) return this.add([comment]);
    if (this.pending.some((waiting) => waiting.id === comment.id)) return this.replace(comment);
    const showable = !comment.parent || this.isShown(comment.parent) || this.pending.some((waiting) => waiting.id === comment.parent);
    // A reply in a conversation not loaded yet comes with its page.
    if (!showable) return;
    this.pending = [...this.pending, comment];
    const waiting = this.pending.length;
    this.announcement = this.localize.term('newComments', this.localize.number(waiting), pluralCategory(this.localize.lang, waiting));
  }

  /** A newer copy of a comment shown or waiting (edited), in place. */
  private replace(comment: WpComment): void {
    if (this.isShown(comment.id)) this.add([comment]);
    else this.pending = this.pending.map((waiting) => (waiting.id === comment.id ? comment : waiting));
  }

  /**
   * A comment that stopped being visible leaves the count and the list; the reader's own comment held for moderation
   * stays in their view (the stream says only that the public no longer sees it) unless they deleted it.
   */
  private removeComment(id: number, deleted = false): void {
    this.uncount(id);
    const kept = (comment: WpComment) => comment.id !== id || (!deleted && comment.status === 'hold');
    this.roots = this.roots.filter(kept);
    this.replies = this.replies.filter(kept);
    this.pending = this.pending.filter((comment) => comment.id !== id);
  }

  private async handleShowNew(): Promise<void> {
    const revealed = new Set(this.pending.map((comment) => comment.id));
    this.add(this.pending);
    this.pending = [];
    this.announcement = '';
    await this.updateComplete;
    const first = items(this.renderRoot).find((item) => revealed.has(Number(item.id.slice('comment-'.length))));
    first?.querySelector<HTMLElement>(':scope > article')?.focus();
  }

  /** The order in use: the reader's choice, else the page's `order`. */
  private get currentOrder(): Order {
    return this.chosenOrder ?? (this.order === 'desc' ? 'desc' : 'asc');
  }

  private get pageSize(): number {
    return Number.isInteger(this.perPage) ? Math.min(MAX_PER_PAGE, Math.max(1, this.perPage)) : 25;
  }

  protected override willUpdate(): void {
    const source = this.apiEndpoint && this.post ? `${this.apiEndpoint}|${this.post}|${this.currentOrder}|${this.pageSize}` : '';
    if (source !== this.source) {
      this.source = source;
      if (source) void this.reload();
    }
  }

  private readonly handleHashChange = (): void => {
    const order = orderOfFragment(location.hash);
    if (order) this.chosenOrder = order;
  };

  private readonly handlePosted = (event: Event): void => {
    const { comment, sentAt } = event as CommentPostedEvent;
    if (!comment || comment.post !== this.post) return;
    this.count(comment, sentAt);
    // Posted here, it shows at once (and no longer waits behind the "new comments" button if the stream was first).
    this.pending = this.pending.filter((waiting) => waiting.id !== comment.id);
    this.add([comment]);
  };

  private handleOrderChange(event: Event): void {
    const order = (event.target as HTMLSelectElement).value === 'desc' ? 'desc' : 'asc';
    this.chosenOrder = order;
    writeOrder(order);
    // Replaced, not pushed: the fragment records the view and does not make a Back step (nor scroll, nor hashchange).
    history.replaceState(history.state, '', fragmentOfOrder(order));
  }

  private async handleLoadMore(): Promise<void> {
    if (this.status === 'loading') return;
    const shown = this.roots.length;
    await this.loadPage(this.page + 1);
    const added = this.roots.length - shown;
    if (added <= 0) return;
    this.announcement = this.localize.term('moreShown', this.localize.number(added), pluralCategory(this.localize.lang, added));
    await this.updateComplete;
    // The new comments come below the button's place: nothing above the reader moves; focus goes to the first of them.
    this.articleOf(this.roots[shown].id)?.focus();
  }

  private handleRetry(): void {
    void (this.page === 0 ? this.reload() : this.handleLoadMore());
  }

  private handleReply(comment: WpComment): void {
    this.dispatchEvent(new CommentReplyEvent(comment.id, comment.author_name));
  }

  private articleOf(id: number): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`#comment-${id} > article`);
  }

  /** Adds comments not shown yet (a newer copy replaces a shown one): top-level ones in the order in use, replies by date. */
  private add(comments: WpComment[]): void {
    const fresh = new Map(comments.map((comment) => [comment.id, comment]));
    // A newer copy takes the old one's place, unless it moved between top level and replies (a reply whose parent
    // was erased moves up): then it is placed again below.
    const update = (list: WpComment[]) =>
      list.flatMap((comment) => {
        const newer = fresh.get(comment.id);
        if (newer && !newer.parent !== !comment.parent) return [];
        fresh.delete(comment.id);
        return [newer ?? comment];
      });
    const roots = update(this.roots);
    const replies = update(this.replies);
    const newRoots = [...fresh.values()].filter((comment) => !comment.parent);
    const newReplies = [...fresh.values()].filter((comment) => comment.parent);
    // The reader's own top-level comment, or a page loaded after it, may come in out of date order: sorted again.
    this.roots = this.sortedRoots([...roots, ...newRoots]);
    this.replies = newReplies.length ? [...replies, ...newReplies].sort(byDate) : replies;
    for (const comment of comments) {
      this.sanitized.delete(comment.id);
      this.findGrant(comment.id);
    }
  }

  /** Picks up the edit grant of a comment this browser posted, and plans when its window closes. */
  private findGrant(id: number): void {
    const endpoint = this.apiEndpoint;
    const grant = endpoint && !this.grants.has(id) ? readEditGrant(endpoint, id) : undefined;
    if (!grant) return;
    this.grants.set(id, grant);
    this.planGrantExpiry();
  }

  /** Hides Edit and Delete when the first open window closes (then plans the next). */
  private planGrantExpiry(): void {
    clearTimeout(this.grantTimer);
    const next = Math.min(...[...this.grants.values()].map((grant) => grant.until));
    if (!Number.isFinite(next)) return;
    // setTimeout's longest delay is about 24.8 days; an edit window is minutes.
    this.grantTimer = setTimeout(() => {
      for (const [id, grant] of this.grants) if (grant.until <= Date.now()) this.grants.delete(id);
      if (this.editing && !this.grants.has(this.editing.id)) this.editing = undefined;
      this.requestUpdate();
      this.planGrantExpiry();
    }, Math.min(2 ** 31 - 1, Math.max(0, next - Date.now())));
  }

  private forgetGrant(id: number): void {
    this.grants.delete(id);
    const endpoint = this.apiEndpoint;
    if (endpoint) writeEditGrant(endpoint, id, undefined);
    this.planGrantExpiry();
  }

  private async startEdit(comment: WpComment, mode: 'text' | 'confirm'): Promise<void> {
    this.editing = { id: comment.id, mode, busy: false };
    this.editError = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(mode === 'text' ? '#edit-text' : '#edit-confirm')?.focus();
  }

  private async endEdit(id: number, said = ''): Promise<void> {
    this.editing = undefined;
    this.editError = '';
    if (said) this.announcement = said;
    await this.updateComplete;
    const article = this.articleOf(id);
    (article ?? this.renderRoot.querySelector<HTMLElement>('#order'))?.focus();
  }

  private async handleSaveEdit(event: SubmitEvent, comment: WpComment): Promise<void> {
    event.preventDefault();
    const text = (event.target as HTMLFormElement).querySelector('textarea')!.value;
    const grant = this.grants.get(comment.id);
    const endpoint = this.apiEndpoint;
    if (!grant || !endpoint || this.editing?.busy) return;
    this.editing = { id: comment.id, mode: 'text', busy: true };
    try {
      const updated = await editComment(endpoint, comment.id, text, grant.token, AbortSignal.timeout(20_000));
      if (updated.status !== 'approved') this.uncount(comment.id);
      this.add([updated]);
      await this.endEdit(comment.id, this.localize.term('saved'));
    } catch (error) {
      this.handleEditFailure(error, comment.id, 'text');
    }
  }

  private async handleDelete(comment: WpComment): Promise<void> {
    const grant = this.grants.get(comment.id);
    const endpoint = this.apiEndpoint;
    if (!grant || !endpoint || this.editing?.busy) return;
    this.editing = { id: comment.id, mode: 'confirm', busy: true };
    try {
      await deleteComment(endpoint, comment.id, grant.token, AbortSignal.timeout(20_000));
      this.forgetGrant(comment.id);
      // Focus goes to the comment before it, else the one after it, else the sort order.
      const shown = items(this.renderRoot);
      const at = shown.findIndex((item) => item.id === `comment-${comment.id}`);
      const neighbour = shown[at - 1] ?? shown[at + 1];
      this.removeComment(comment.id, true);
      await this.endEdit(neighbour ? Number(neighbour.id.slice('comment-'.length)) : 0, this.localize.term('deleted'));
    } catch (error) {
      this.handleEditFailure(error, comment.id, 'confirm');
    }
  }

  private async handleEditFailure(error: unknown, id: number, mode: 'text' | 'confirm'): Promise<void> {
    const failure = error instanceof CommentApiError ? error : undefined;
    if (failure?.code === 'rest_cannot_edit') {
      // No later attempt can succeed: the buttons go, the text typed stays in the box to copy.
      this.forgetGrant(id);
      this.editError = this.localize.term(failure.reason && ['expired', 'replied', 'moderated'].includes(failure.reason) ? failure.reason : 'cannotEdit');
    } else {
      this.editError = failure?.params.content ?? (failure && failure.status !== 0 && failure.message ? failure.message : this.localize.term('editFailed'));
    }
    this.editing = { id, mode, busy: false };
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(mode === 'text' ? '#edit-text' : '#edit-confirm')?.focus();
  }

  /** The comment's text for its edit box, read from its (sanitised) HTML: paragraphs and line breaks kept. */
  private editableText(comment: WpComment): string {
    const template = document.createElement('template');
    template.innerHTML = this.contentOf(comment).replace(/<br\s*\/?>/gi, '\n');
    const paragraphs = [...template.content.querySelectorAll('p')].map((paragraph) => paragraph.textContent ?? '');
    return (paragraphs.length ? paragraphs.join('\n\n') : template.content.textContent ?? '').trim();
  }

  private renderOwnControls(comment: WpComment, authorId: string) {
    const editing = this.editing?.id === comment.id ? this.editing : undefined;
    const error = editing && this.editError ? html`<p class="edit-error" id="edit-error" role="alert">${this.editError}</p>` : nothing;
    if (editing?.mode === 'text') {
      return html`<form class="edit" @submit=${(event: SubmitEvent) => this.handleSaveEdit(event, comment)} aria-busy=${editing.busy ? 'true' : 'false'}>
        <label for="edit-text">${this.localize.term('editLabel')}</label>
        <textarea id="edit-text" rows="5" required aria-describedby=${error === nothing ? nothing : 'edit-error'}
          .value=${this.editableText(comment)}></textarea>
        ${error}
        <div class="actions">
          ${this.grants.has(comment.id)
            ? html`<button part="edit" type="submit" ?disabled=${editing.busy}>${this.localize.term('save')}</button>`
            : nothing}
          <button part="edit" type="button" @click=${() => this.endEdit(comment.id)}>${this.localize.term('cancel')}</button>
        </div>
      </form>`;
    }
    if (editing?.mode === 'confirm') {
      return html`<div class="edit" role="group" aria-labelledby="edit-confirm">
        <p id="edit-confirm" tabindex="-1">${this.localize.term('confirmDelete')}</p>
        ${error}
        <div class="actions">
          ${this.grants.has(comment.id)
            ? html`<button part="edit" type="button" ?disabled=${editing.busy} @click=${() => this.handleDelete(comment)}>
                ${this.localize.term('delete')}
              </button>`
            : nothing}
          <button part="edit" type="button" @click=${() => this.endEdit(comment.id)}>${this.localize.term('cancel')}</button>
        </div>
      </div>`;
    }
    const grant = this.grants.get(comment.id);
    if (!grant || grant.until <= Date.now()) return nothing;
    return html`<div class="actions">
      <button part="edit" type="button" aria-describedby=${authorId} @click=${() => this.startEdit(comment, 'text')}>${this.localize.term('edit')}</button>
      <button part="edit" type="button" aria-describedby=${authorId} @click=${() => this.startEdit(comment, 'confirm')}>
        ${this.localize.term('delete')}
      </button>
    </div>`;
  }

  private sortedRoots(roots: WpComment[]): WpComment[] {
    const sorted = [...roots].sort(byDate);
    return this.currentOrder === 'desc' ? sorted.reverse() : sorted;
  }

  private loadPage(page: number): Promise<void> {
    const endpoint = this.apiEndpoint;
    const post = this.post;
    if (!endpoint || !post) return Promise.resolve();
    this.status = 'loading';
    const source = this.source;
    this.loading = (async () => {
      try {
        const top = await fetchComments(endpoint, post, { page, perPage: this.pageSize, order: this.currentOrder, parent: [0] });
        const replies = await this.fetchReplies(endpoint, post, top.comments.map((comment) => comment.id));
        // A sort or a post changed meanwhile: that reload's answer is the one to show.
        if (source !== this.source) return;
        this.add([...top.comments, ...replies]);
        for (const comment of [...top.comments, ...replies]) this.counted.add(comment.id);
        // A stream not yet opened resumes where this list was read: nothing approved in between is missed (what it
        // replays that the list holds replaces itself).
        if (!this.unfollow) this.lastEventId ??= top.streamPosition;
        this.page = page;
        this.totalPages = top.totalPages;
        this.status = 'ready';
      } catch {
        if (source === this.source) this.status = 'error';
      }
    })();
    return this.loading;
  }

  /**
   * Every reply below some top-level comments: one paged `thread=` list on our server, else one `parent=` list per
   * level (a stock WordPress lists direct replies only).
   */
  private async fetchReplies(endpoint: string, post: number, rootIds: number[]): Promise<WpComment[]> {
    if (rootIds.length === 0) return [];
    if (knownOurServer(endpoint)) {
      // A server older than `thread=` ignores it and lists the post's comments: only replies are taken from it.
      const thread = await this.fetchAllPages(endpoint, post, { perPage: MAX_PER_PAGE, thread: rootIds });
      return thread.filter((comment) => comment.parent);
    }
    const found: WpComment[] = [];
    const seen = new Set(rootIds);
    let parents = rootIds;
    while (parents.length > 0) {
      const level: WpComment[] = [];
      for (let start = 0; start < parents.length; start += MAX_PER_PAGE) {
        const parent = parents.slice(start, start + MAX_PER_PAGE);
        level.push(...(await this.fetchAllPages(endpoint, post, { perPage: MAX_PER_PAGE, parent })));
      }
      // A reply seen already (a loop in bad data) is not followed again.
      const next = level.filter((comment) => !seen.has(comment.id));
      for (const comment of next) seen.add(comment.id);
      found.push(...next);
      parents = next.map((comment) => comment.id);
    }
    return found;
  }

  private async fetchAllPages(endpoint: string, post: number, query: Omit<CommentQuery, 'page' | 'order'>): Promise<WpComment[]> {
    const comments: WpComment[] = [];
    for (let page = 1, pages = 1; page <= pages; page++) {
      const result = await fetchComments(endpoint, post, { ...query, page, order: 'asc' });
      comments.push(...result.comments);
      pages = result.totalPages;
    }
    return comments;
  }

  /** Resolves when the request in flight, if any, has settled (loaded or failed). */
  get loadComplete(): Promise<void> {
    return this.loading;
  }

  /** Loads the comments again from the first page, keeping the reader's own comments still held for moderation. */
  reload(): Promise<void> {
    this.roots = this.roots.filter((comment) => comment.status === 'hold');
    this.replies = this.replies.filter((comment) => comment.status === 'hold');
    this.sanitized.clear();
    this.page = 0;
    this.totalPages = 0;
    return this.loadPage(1);
  }

  /**
   * Loads pages until the comment shows, then scrolls to it and focuses it; resolves `false` if it is not found (a
   * comment the server does not show is asked for once, not searched for through every page).
   */
  async reveal(commentId: number): Promise<boolean> {
    // A list just put in the page (as an opening section's) starts loading its first page in its first update.
    await this.updateComplete;
    await this.loading;
    await this.updateComplete;
    const endpoint = this.apiEndpoint;
    if (!this.articleOf(commentId) && endpoint && this.page < this.totalPages) {
      const exists = await fetchComment(endpoint, commentId).then((comment) => comment.post === this.post, () => false);
      while (exists && !this.articleOf(commentId) && this.status === 'ready' && this.page < this.totalPages) {
        await this.loadPage(this.page + 1);
        await this.updateComplete;
      }
    }
    const article = this.articleOf(commentId);
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
    return this.renderDate(parseIsoDate(comment.date_gmt ? `${comment.date_gmt}Z` : comment.date));
  }

  private renderEdited(comment: WpComment) {
    const date = comment.edited_gmt ? parseIsoDate(`${comment.edited_gmt}Z`) : undefined;
    return date ? html`<span part="edited" class="edited">(${this.localize.term('edited')} ${this.renderDate(date)})</span>` : nothing;
  }

  private renderDate(date: Date | undefined) {
    if (!date) return nothing;
    const absolute = this.localize.date(date, { dateStyle: 'long', timeStyle: 'short' });
    return html`<time datetime=${date.toISOString()} title=${absolute}
      >${relativeTime(this.localize.lang, ...relativeUnit(date, Date.now()))}<span class="visually-hidden"> (${absolute})</span></time
    >`;
  }

  private renderComment(comment: WpComment, depth: number, replies: TemplateResult | typeof nothing, inReplyTo?: WpComment) {
    const authorId = `comment-${comment.id}-author`;
    const url = externalUrl(comment.author_url);
    const name = String(comment.author_name ?? '');
    return html`<li id="comment-${comment.id}">
      <article part="comment" tabindex="-1" aria-labelledby=${authorId}>
        ${this.renderAvatar(comment)}
        <div class="meta">
          <span class="author" id=${authorId}>${url ? html`<a href=${url} rel="nofollow ugc noopener">${name}</a>` : name}</span>
          ${this.renderTime(comment)} ${this.renderEdited(comment)}
        </div>
        ${inReplyTo
          ? html`<p part="in-reply-to" class="in-reply-to">${this.localize.term('inReplyTo', String(inReplyTo.author_name ?? ''))}</p>`
          : nothing}
        ${comment.status === 'hold' ? html`<p class="moderation">${this.localize.term('awaitingModeration')}</p>` : nothing}
        ${this.editing?.id === comment.id && this.editing.mode === 'text'
          ? nothing
          : html`<div class="content">${unsafeHTML(this.contentOf(comment))}</div>`}
        ${depth < this.depthLimit && comment.status === 'approved'
          ? html`<button part="reply" type="button" aria-describedby=${authorId} @click=${() => this.handleReply(comment)}>
              ${this.localize.term('reply')}
            </button>`
          : nothing}
        ${this.renderOwnControls(comment, authorId)}
      </article>
      ${replies}
    </li>`;
  }

  private get depthLimit(): number {
    return Number.isInteger(this.maxDepth) && this.maxDepth > 0 ? this.maxDepth : 5;
  }

  /**
   * Comments and their replies as nested lists. Replies past `max-depth` follow their parent flat at the last level
   * (never indented off a phone's screen), each saying whom it answers.
   */
  private renderThread(comments: WpComment[], children: Map<number, WpComment[]>, depth: number, flatParent?: WpComment): TemplateResult[] {
    return comments.flatMap((comment) => {
      const replies = children.get(comment.id) ?? [];
      if (replies.length > 0 && depth < this.depthLimit) {
        return [this.renderComment(comment, depth, html`<ol class="replies">${this.renderThread(replies, children, depth + 1)}</ol>`, flatParent)];
      }
      return [this.renderComment(comment, depth, nothing, flatParent), ...this.renderThread(replies, children, depth, comment)];
    });
  }

  private renderStatus() {
    if (this.status === 'error') {
      return html`<div class="state" role="alert">
        ${this.localize.term('error')}
        <button type="button" @click=${this.handleRetry}>${this.localize.term('retry')}</button>
      </div>`;
    }
    if (this.roots.length > 0) return nothing;
    return html`<p class="state" role="status">
      ${this.status === 'ready' ? this.localize.term('empty') : this.localize.term('loading')}
    </p>`;
  }

  private renderTools() {
    const order = this.currentOrder;
    return html`<div class="tools">
      <label for="order">${this.localize.term('sort')}</label>
      <select part="sort" id="order" @change=${this.handleOrderChange}>
        <option value="asc" ?selected=${order === 'asc'}>${this.localize.term('oldest')}</option>
        <option value="desc" ?selected=${order === 'desc'}>${this.localize.term('newest')}</option>
      </select>
      ${this.pending.length > 0
        ? html`<button part="new" class="new" type="button" @click=${this.handleShowNew}>
            ${this.localize.term('newComments', this.localize.number(this.pending.length), pluralCategory(this.localize.lang, this.pending.length))}
          </button>`
        : nothing}
    </div>`;
  }

  protected override render() {
    const roots = new Set(this.roots.map((comment) => comment.id));
    const children = new Map<number, WpComment[]>();
    // A reply shows below a comment that is shown; one whose thread is not loaded waits for its page.
    for (const reply of this.replies) children.set(reply.parent, [...(children.get(reply.parent) ?? []), reply]);
    return html`${this.renderTools()}
      ${roots.size > 0
        ? html`<ol part="list" class="comments" aria-label=${this.localize.term('comments')}>${this.renderThread(this.roots, children, 1)}</ol>`
        : nothing}
      ${this.renderStatus()}
      ${this.status !== 'error' && this.page < this.totalPages
        ? html`<button part="more" class="more" type="button" aria-busy=${this.status === 'loading' ? 'true' : 'false'}
            @click=${this.handleLoadMore}>${this.localize.term('loadMore')}</button>`
        : nothing}
      <p class="visually-hidden" role="status">${this.announcement}</p>`;
  }
}

const items = (root: ParentNode) => [...root.querySelectorAll<HTMLLIElement>('li[id^="comment-"]')];

/** Oldest first, as WordPress orders: by date, then by id. */
function byDate(a: WpComment, b: WpComment): number {
  return a.date_gmt < b.date_gmt ? -1 : a.date_gmt > b.date_gmt ? 1 : a.id - b.id;
}
