import { html, nothing, type PropertyValues } from 'lit';
import { ContextProvider } from '@lit/context';
import { ifDefined } from 'lit/directives/if-defined.js';
import { NewsroomElement } from '../../internal/newsroom-element.js';
import { NewsroomToggleEvent } from '../../events/toggle-event.js';
import type { CommentReplyEvent } from '../../events/comment-reply-event.js';
import type { CommentCountEvent } from '../../events/comment-count-event.js';
import type { CommentList } from '../comment-list/comment-list.js';
import type { CommentForm } from '../comment-form/comment-form.js';
import type { CommentToggle } from '../comment-toggle/comment-toggle.js';
import { endpointContext, postIdContext } from '../../comments/comment-context.js';
import { requireNameEmailConverter } from '../../comments/comment-options.js';
import { COMMENT_FRAGMENT, ORDER_FRAGMENT } from '../../comments/comment-links.js';
import { commentSectionTerms } from './comment-section.terms.js';
import { styles } from './comment-section.styles.js';

/**
 * @tag comment-section
 * @summary A post's comments: a "Click to comment" button that opens the list of comments and the reply form.
 *
 * Nothing of the list or the form (nor DOMPurify) is downloaded, and no comment is fetched, until the reader opens
 * the section, or arrives with `#comments`, `#comment-<id>` or a sort order's `#comments-newest` / `#comments-oldest`
 * in the URL.
 *
 * @csspart toggle - The `comment-toggle`.
 * @csspart body - The wrapper of the list and the form.
 * @csspart list - The `comment-list`.
 * @csspart form - The `comment-form`.
 *
 * @cssprop --comment-section-gap - Space between the toggle, the list and the form (default: 2rem).
 *
 * @fires {NewsroomToggleEvent} toggle - The section opened or closed.
 */
export class CommentSection extends NewsroomElement<typeof commentSectionTerms.en> {
  static override styles = styles;
  static override terms = commentSectionTerms;
  static override properties = {
    partsLoaded: { state: true },
    endpoint: {},
    postId: { attribute: 'post-id', type: Number },
    open: { type: Boolean, reflect: true },
    headingLevel: { attribute: 'heading-level', type: Number },
    avatars: {},
    maxDepth: { attribute: 'max-depth', type: Number },
    requireNameEmail: { attribute: 'require-name-email', converter: requireNameEmailConverter },
  };

  /** Whether the list and form modules have been loaded. */
  private partsLoaded = false;

  private readonly endpointProvider = new ContextProvider(this, { context: endpointContext });
  private readonly postIdProvider = new ContextProvider(this, { context: postIdContext });

  /** Base URL of the WordPress REST API, such as `https://example.org/wp-json/wp/v2`; given to the parts inside. */
  endpoint?: string;

  /** The id of the post the comments belong to; given to the parts inside. */
  postId?: number;

  /** Whether the comments are shown. */
  open = false;

  /** The form heading's level in the document outline, 2 to 6. */
  headingLevel = 2;

  /** `initials` (default) makes no request to an avatar service; `remote` shows `author_avatar_urls`. */
  avatars: 'initials' | 'remote' = 'initials';

  /** Deepest level of reply threads. */
  maxDepth = 5;

  /** Whether the form requires a name and an email address (`require-name-email="false"` to allow anonymous). */
  requireNameEmail = true;

  private partsLoading?: Promise<void>;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.handleHashChange);
    void this.handleHashChange();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.handleHashChange);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('endpoint')) this.endpointProvider.setValue(this.endpoint);
    if (changed.has('postId')) this.postIdProvider.setValue(this.postId);
    if (changed.has('open') && this.open) void this.loadParts();
  }

  private loadParts(): Promise<void> {
    this.partsLoading ??= Promise.all([import('../comment-list/define.js'), import('../comment-form/define.js')]).then(() => {
      this.partsLoaded = true;
    });
    return this.partsLoading;
  }

  private readonly handleHashChange = async (): Promise<void> => {
    const hash = location.hash;
    const commentId = COMMENT_FRAGMENT.exec(hash)?.[1];
    if (hash !== '#comments' && !ORDER_FRAGMENT.test(hash) && !commentId) return;
    await this.show();
    if (commentId) await this.list?.reveal(Number(commentId));
    else this.scrollIntoView({ block: 'start' });
  };

  private handleToggle(event: NewsroomToggleEvent): void {
    this.open = event.newState === 'open';
    // The toggle's own event stays inside this shadow root.
    this.dispatchEvent(new NewsroomToggleEvent(this.open));
  }

  private handleReply(event: CommentReplyEvent): void {
    this.form?.replyTo(event.commentId, event.authorName);
  }

  private handleCount(event: CommentCountEvent): void {
    this.renderRoot.querySelector<CommentToggle>('comment-toggle')?.adjustCount(event.delta, event.since);
  }

  private get list(): CommentList | null {
    return this.renderRoot.querySelector('comment-list');
  }

  private get form(): CommentForm | null {
    return this.renderRoot.querySelector('comment-form');
  }

  /** Opens the comments; resolves once the list and the form are in place. */
  async show(): Promise<void> {
    // Rendered on the server closed, the section adopts that markup first: hydration needs the server's first render.
    if (this.serverRendered && !this.hasUpdated) await this.updateComplete;
    this.open = true;
    await this.loadParts();
    await this.updateComplete;
  }

  protected override render() {
    return html`<comment-toggle part="toggle" controls="body" endpoint=${ifDefined(this.endpoint)} post-id=${ifDefined(this.postId)}
        ?open=${this.open} @toggle=${this.handleToggle}></comment-toggle>
      <div part="body" class="body" id="body" ?hidden=${!this.open} aria-label=${this.localize.term('comments')} role="region">
        ${this.partsLoaded
          ? html`<comment-list part="list" avatars=${this.avatars} max-depth=${this.maxDepth} .live=${this.open}
                @comment-reply=${this.handleReply} @comment-count=${this.handleCount}></comment-list>
              <comment-form part="form" heading-level=${this.headingLevel} .requireNameEmail=${this.requireNameEmail}></comment-form>`
          : this.open
            ? html`<p role="status">${this.localize.term('loading')}</p>`
            : nothing}
      </div>`;
  }
}
