import { html, type PropertyValues } from 'lit';
import { onFirstSight } from '../../internal/first-sight.js';
import { pluralCategory } from '../../internal/intl.js';
import { NewsroomElement } from '../../internal/newsroom-element.js';
import { safeUrl } from '../../internal/safe-url.js';
import { buttonStyles } from '../../internal/button.styles.js';
import { NewsroomToggleEvent } from '../../events/toggle-event.js';
import { countComments } from '../../comments/comment-api.js';
import { commentToggleTerms } from './comment-toggle.terms.js';
import { styles } from './comment-toggle.styles.js';

/**
 * @tag comment-toggle
 * @summary The "Click to comment" / "12 comments" button that opens a post's comments.
 *
 * The count is fetched (one `per_page=1` request, read from `X-WP-Total`) only once the button scrolls into view,
 * unless the page gives it in `count`. Unlike the list and the form it takes no context from a `comment-section`
 * (which sets its attributes itself), so that the button alone stays within its 2 KiB budget.
 *
 * @csspart button - The button.
 *
 * @cssprop --comment-toggle-color - Text and border colour of the button (default: the link colour).
 * @cssprop --comment-toggle-background - Background of the button (default: transparent).
 *
 * @fires {NewsroomToggleEvent} toggle - The reader opened or closed the comments (`newState` tells which).
 */
export class CommentToggle extends NewsroomElement<typeof commentToggleTerms.en> {
  static override styles = [buttonStyles, styles];
  static override terms = commentToggleTerms;
  static override properties = {
    countFailed: { state: true },
    endpoint: {},
    postId: { attribute: 'post-id', type: Number },
    count: { type: Number, reflect: true },
    open: { type: Boolean, reflect: true },
    controls: {},
  };

  private countFailed = false;

  /** Base URL of the WordPress REST API, such as `https://example.org/wp-json/wp/v2` (http, https or relative). */
  endpoint?: string;

  /** The id of the post whose comments are counted. */
  postId?: number;

  /** The number of approved comments; fetched (and reflected) when the button first shows if the page leaves it unset. */
  count?: number;

  /** Whether the comments are open (`aria-expanded`). */
  open = false;

  /** The id of the element the button shows and hides, in the same document or shadow root as the toggle. */
  controls = '';

  /** Whether the count is fetched when the button first shows (set once: a failed fetch is not retried here). */
  private countWanted = false;

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('controls')) {
      // aria-controls cannot point out of a shadow root; the element reflection property can.
      const target = this.controls ? (this.getRootNode() as Document | ShadowRoot).getElementById(this.controls) : null;
      this.renderRoot.querySelector('button')!.ariaControlsElements = target ? [target] : null;
    }
    if (this.count === undefined && !this.countWanted && safeUrl(this.endpoint) && this.postId && this.postId > 0) {
      this.countWanted = true;
      onFirstSight(this, () => void (this.counting = this.fetchCount()));
    }
  }

  /** When the count fetch in flight was sent, if one is. */
  private fetchSentAt?: number;
  /** When the count in use was answered by the server (never: the page gave it). */
  private countedAt = -Infinity;
  /** When the count last changed on this page. */
  private changedAt = -Infinity;
  private counting: Promise<void> = Promise.resolve();

  /** Resolves when the count fetch in flight, if any, has settled (and any fetch it led to). */
  get countComplete(): Promise<void> {
    return this.counting;
  }

  private async fetchCount(): Promise<void> {
    const sentAt = performance.now();
    this.fetchSentAt = sentAt;
    try {
      const count = await countComments(safeUrl(this.endpoint)!, this.postId!);
      if (this.fetchSentAt !== sentAt) return;
      this.fetchSentAt = undefined;
      // A change on the page while the count was on its way may or may not be in it: the count is asked again.
      if (this.changedAt > sentAt) return this.fetchCount();
      this.count = count;
      this.countedAt = performance.now();
    } catch {
      // The button still opens the comments, whose list shows the error and a retry.
      this.fetchSentAt = undefined;
      this.countFailed = true;
    }
  }

  /**
   * Changes the count by `delta` for a change on the page (a comment posted, one that arrived live or was removed)
   * that began at `since` (`performance.now()`, default now). A count fetched while that change may already have
   * reached the server is not trusted to hold it or not: it is fetched again instead.
   */
  adjustCount(delta: number, since = performance.now()): void {
    this.changedAt = performance.now();
    if (this.fetchSentAt !== undefined || this.count === undefined) return;
    if (this.countedAt >= since && safeUrl(this.endpoint) && this.postId) this.counting = this.fetchCount();
    else this.count = Math.max(0, this.count + delta);
  }

  private handleClick(): void {
    this.open = !this.open;
    this.dispatchEvent(new NewsroomToggleEvent(this.open));
  }

  private get label(): string {
    if (this.count === undefined || !Number.isFinite(this.count) || this.countFailed) return this.localize.term('comments');
    if (this.count <= 0) return this.localize.term('clickToComment');
    return this.localize.term('count', this.localize.number(this.count), pluralCategory(this.localize.lang, this.count));
  }

  protected override render() {
    return html`<button part="button" type="button" aria-expanded=${this.open ? 'true' : 'false'} @click=${this.handleClick}>
      ${this.label}
    </button>`;
  }
}
