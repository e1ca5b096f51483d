import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { safeUrl } from '../../internal/safe-url.js';
import { clampHeadingLevel } from '../../internal/heading.js';
import { buttonStyles } from '../../internal/button.styles.js';
import { CommentSubmitEvent } from '../../events/comment-submit-event.js';
import { CommentPostedEvent } from '../../events/comment-posted-event.js';
import { CommentErrorEvent } from '../../events/comment-error-event.js';
import {
  COMMENT_BLOCKED_CODE,
  HONEYPOT_FIELD,
  LANGUAGE_TAG,
  NOTIFY_FIELD,
  NOTIFY_LANGUAGE_FIELD,
  type WpComment,
  type WpCommentCreate,
  type WpCommentCreated,
} from 'newsroom-comment-protocol';
import { CommentPart } from '../../comments/comment-part.js';
import { CommentApiError, createComment, offersNotifications, unanswered } from '../../comments/comment-api.js';
import { requireNameEmailConverter } from '../../comments/comment-options.js';
import { writeEditGrant } from '../../comments/comment-storage.js';
import { postClassicForm } from './classic-post.js';
import { newAttemptKey, readAuthor, readDraft, writeAuthor, writeDraft } from './drafts.js';
import { FIELD_ORDER, validateComment, type CommentField, type CommentValues } from './validate.js';
import { commentFormTerms } from './comment-form.terms.js';
import { styles } from './comment-form.styles.js';

// The classic WordPress form's field names, which browsers and password managers know.
const CLASSIC_NAMES: Record<CommentField, string> = { content: 'comment', author_name: 'author', author_email: 'email', author_url: 'url' };
const AUTOCOMPLETE: Record<CommentField, string> = { content: 'off', author_name: 'name', author_email: 'email', author_url: 'url' };
const INPUT_TYPE: Record<CommentField, string> = { content: 'text', author_name: 'text', author_email: 'email', author_url: 'url' };

type Status = 'idle' | 'sending' | 'sent' | 'error';

/** What the form says about a field or the whole comment: one of its own terms, or the server's words as written. */
type Notice = keyof typeof commentFormTerms.en | { serverText: string };

/**
 * @tag comment-form
 * @summary WordPress's "Leave a Reply" form, on native fields, that never loses what the reader typed.
 *
 * The text is saved in `localStorage` per post and parent while the reader types, and cleared only once the
 * server has accepted the comment. Against our comment server each comment carries an `Idempotency-Key`, reused on
 * retries; against a stock WordPress only standard headers are sent. The edit token our server returns with a new
 * comment is kept in `localStorage` for the `comment-list`, which offers Edit and Delete while the edit window is open.
 * When our server says that it emails reply notifications, the form offers "Notify me of replies by email"
 * (unticked; the server confirms the address by email before it sends any), and a ticked box sends the form's
 * language so that those emails and their pages are in it; a stock WordPress is never offered it.
 * `mode="wp-form"` posts the classic fields to
 * `action` (`…/wp-comments-post.php`) instead. A `<form>` the page puts inside is what readers without JavaScript use.
 *
 * @slot - Ignored once the element runs: a classic `<form>` for readers without JavaScript, whose typed values
 *   carry over.
 *
 * @csspart form - The form.
 * @csspart heading - The heading ("Leave a Reply").
 * @csspart submit - The "Post Comment" button.
 *
 * @cssprop --comment-form-gap - Space between the fields (default: 1rem).
 * @cssprop --comment-form-field-max-width - Widest a field gets (default: 40rem).
 * @cssprop --comment-form-field-background - Background of the fields (default: the system field colour).
 * @cssprop --comment-form-field-border-color - Border of the fields (default: the muted text colour).
 * @cssprop --comment-form-button-color - Text colour of the submit button.
 * @cssprop --comment-form-button-background - Background of the submit button (default: the link colour).
 *
 * @fires {CommentSubmitEvent} comment-submit - About to send; cancelable, `payload` is the comment.
 * @fires {CommentPostedEvent} comment-posted - The server accepted the comment (`comment`, possibly held).
 * @fires {CommentErrorEvent} comment-error - Sending failed; the text stays in the form.
 */
export class CommentForm extends CommentPart<typeof commentFormTerms.en> {
  static override styles = [buttonStyles, styles];
  static override terms = commentFormTerms;
  static override properties = {
    status: { state: true },
    errors: { state: true },
    failure: { state: true },
    held: { state: true },
    notifyOffered: { state: true },
    notifyRequested: { state: true },
    parent: { type: Number },
    replyToName: { attribute: 'reply-to-name' },
    headingLevel: { attribute: 'heading-level', type: Number },
    requireNameEmail: { attribute: 'require-name-email', converter: requireNameEmailConverter },
    mode: {},
    action: {},
    timeout: { type: Number },
  };

  private status: Status = 'idle';
  /** What is wrong with each field at fault. */
  private errors: Partial<Record<CommentField, Notice>> = {};
  /** What the alert says went wrong. */
  private failure: Notice = 'failed';
  /** Whether the last comment posted is held for moderation. */
  private held = false;
  /** Whether the server emails reply notifications, so the form offers them. */
  private notifyOffered = false;
  /** Whether the reader ticked "Notify me of replies by email" (for the next comment, or the last one posted). */
  private notifyRequested = false;
  /** The server last asked whether it notifies, so a later answer for an older endpoint is ignored. */
  private notifyAsked = '';

  /** The comment replied to; 0 for a new thread. */
  parent = 0;

  /** The name of the commenter replied to, for the heading "Leave a Reply to …". */
  replyToName = '';

  /** The heading's level in the document outline, 2 to 6. */
  headingLevel = 2;

  /** Whether name and email are required (`require-name-email="false"` to allow anonymous comments). */
  requireNameEmail = true;

  /** `rest` posts JSON to `{endpoint}/comments`; `wp-form` posts the classic fields to `action` (same origin). */
  mode: 'rest' | 'wp-form' = 'rest';

  /** The classic form's target, `…/wp-comments-post.php`, for `mode="wp-form"`. */
  action = '';

  /** How long to wait for the server, in milliseconds, before offering a retry. */
  timeout = 20_000;

  /** Whether the last comment posted asked for reply notifications. */
  private notifiedLast = false;
  private values: CommentValues = { content: '', author_name: '', author_email: '', author_url: '' };
  private remember = false;
  private draftId = '';

  override connectedCallback(): void {
    super.connectedCallback();
    const author = readAuthor();
    if (author) {
      this.remember = true;
      Object.assign(this.values, author);
    }
    // What a reader typed into the page's own form before the element ran is kept.
    const classic = this.querySelector<HTMLFormElement>(':scope > form');
    for (const field of FIELD_ORDER) {
      const input = classic?.elements.namedItem(CLASSIC_NAMES[field]);
      if (input instanceof HTMLInputElement || input instanceof HTMLTextAreaElement) {
        if (input.value) this.values[field] = input.value;
      }
    }
    if (!this.action && classic) this.action = classic.action;
  }

  protected override willUpdate(): void {
    const target = this.mode === 'wp-form' ? safeUrl(this.action) : this.apiEndpoint;
    const draftId = `${target}|${this.post}|${this.parent}`;
    if (draftId !== this.draftId) {
      const previous = this.draftId;
      this.draftId = draftId;
      const saved = readDraft(draftId)?.content;
      if (saved) this.values.content = saved;
      else if (previous) this.values.content = '';
      // What was carried over from the page's own form is kept like typed text.
      else if (this.values.content) this.saveDraft();
    }
    void this.askNotifications();
  }

  /** Offers reply notifications only when the REST endpoint says it sends them (never in `wp-form` mode). */
  private async askNotifications(): Promise<void> {
    const endpoint = this.mode === 'rest' ? (this.apiEndpoint ?? '') : '';
    const post = this.post;
    const asked = endpoint && post ? `${endpoint}|${post}` : '';
    if (asked === this.notifyAsked) return;
    this.notifyAsked = asked;
    const offered = asked ? await offersNotifications(endpoint, post!).catch(() => false) : false;
    if (this.notifyAsked !== asked) return;
    this.notifyOffered = offered;
    if (!offered) this.notifyRequested = false;
  }

  private handleNotifyChange(event: Event): void {
    this.notifyRequested = (event.target as HTMLInputElement).checked;
    if (this.status === 'sent') this.status = 'idle';
  }

  private saveDraft(): void {
    const draft = readDraft(this.draftId);
    writeDraft(this.draftId, this.values.content ? { ...draft, content: this.values.content } : undefined);
  }

  private saveAuthor(): void {
    const { author_name, author_email, author_url } = this.values;
    writeAuthor(this.remember ? { author_name, author_email, author_url } : undefined);
  }

  private handleInput(event: InputEvent): void {
    const input = event.target as HTMLInputElement | HTMLTextAreaElement;
    const field = input.id as CommentField;
    this.values[field] = input.value;
    if (field === 'content') this.saveDraft();
    else if (this.remember) this.saveAuthor();
    if (this.status === 'sent') this.status = 'idle';
  }

  private handleRememberChange(event: Event): void {
    this.remember = (event.target as HTMLInputElement).checked;
    this.saveAuthor();
  }

  private handleKeydown(event: KeyboardEvent): void {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      this.renderRoot.querySelector('form')!.requestSubmit();
    }
  }

  private handleSubmit(event: SubmitEvent): void {
    event.preventDefault();
    void this.submit();
  }

  private handleCancelReply(): void {
    this.parent = 0;
    this.replyToName = '';
  }

  private async focusFirstInvalid(): Promise<void> {
    await this.updateComplete;
    const first = FIELD_ORDER.find((field) => this.errors[field]);
    if (first) this.renderRoot.querySelector<HTMLElement>(`#${first}`)?.focus();
  }

  /** Turns the form into a reply to a comment and focuses the comment field. */
  async replyTo(commentId: number, authorName: string): Promise<void> {
    this.parent = commentId;
    this.replyToName = authorName;
    if (this.status === 'sent') this.status = 'idle';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#content')?.focus();
  }

  /** Validates and sends the comment (what "Post Comment", Ctrl/Cmd+Enter and "Try again" do); one at a time. */
  async submit(): Promise<void> {
    if (this.status === 'sending') return;
    const post = this.post;
    const target = this.mode === 'wp-form' ? safeUrl(this.action) : this.apiEndpoint;
    const notify = this.notifyOffered && this.notifyRequested;
    this.errors = validateComment(this.values, this.requireNameEmail, notify);
    if (Object.keys(this.errors).length > 0 || !post || !target) {
      this.status = 'idle';
      return this.focusFirstInvalid();
    }
    const payload = this.payload(post, notify);
    if (!this.dispatchEvent(new CommentSubmitEvent(payload))) return;
    this.status = 'sending';
    const attempt = this.recordAttempt(payload);
    const sentAt = performance.now();
    try {
      const { edit_token: token, edit_until: until, ...comment } = (await this.send(target, payload, attempt.key)) as WpCommentCreated;
      // Our server's edit token, returned this once, stays in this browser only (never in a URL, a cookie or an event).
      if (token && until) writeEditGrant(target, comment.id, { token, until: Date.parse(`${until}Z`) });
      this.handleSent(comment, comment.status === 'hold', sentAt, notify);
    } catch (error) {
      const failure = error instanceof CommentApiError ? error : unanswered(error);
      // A "duplicate" answer to a retry means that the first attempt landed.
      if (attempt.retry && failure.status === 409) this.handleSent(undefined, false, sentAt);
      else this.handleFailure(failure);
    }
  }

  /** The comment as the REST API takes it, from what the reader typed (and what a bot put in the honeypot). */
  private payload(post: number, notify: boolean): WpCommentCreate {
    const payload: WpCommentCreate = {
      post,
      parent: this.parent > 0 ? this.parent : 0,
      author_name: this.values.author_name.trim(),
      author_email: this.values.author_email.trim(),
      author_url: this.values.author_url.trim(),
      content: this.values.content,
    };
    const honeypot = this.renderRoot.querySelector<HTMLInputElement>('#trap')!.value;
    if (honeypot) payload[HONEYPOT_FIELD] = honeypot;
    if (notify) {
      payload[NOTIFY_FIELD] = true;
      // The emails and their pages follow the form's language; a page's malformed `lang` is left out (the server
      // then writes English) rather than have the comment refused for it.
      const { lang } = this.localize;
      if (LANGUAGE_TAG.test(lang)) payload[NOTIFY_LANGUAGE_FIELD] = lang;
    }
    return payload;
  }

  /**
   * Records the attempt with the draft before it is sent. The same payload sent again is a retry: it reuses the
   * attempt's `Idempotency-Key`.
   */
  private recordAttempt(payload: WpCommentCreate): { key: string; retry: boolean } {
    const serialized = JSON.stringify(payload);
    const previous = readDraft(this.draftId)?.attempt;
    const retry = previous?.payload === serialized;
    const key = retry ? previous.key : newAttemptKey();
    writeDraft(this.draftId, { content: this.values.content, attempt: { key, payload: serialized } });
    return { key, retry };
  }

  /** Sends the comment to the REST API or the classic form's `action`, giving up after `timeout`. */
  private send(target: string, payload: WpCommentCreate, key: string): Promise<WpComment> {
    const signal = AbortSignal.timeout(this.timeout > 0 ? this.timeout : 20_000);
    return this.mode === 'wp-form' ? this.postClassic(target, payload, signal) : createComment(target, payload, key, signal);
  }

  private async postClassic(action: string, payload: WpCommentCreate, signal: AbortSignal): Promise<WpComment> {
    const fields: Record<string, string> = {
      comment: payload.content,
      author: payload.author_name ?? '',
      email: payload.author_email ?? '',
      url: payload.author_url ?? '',
      comment_post_ID: String(payload.post),
      comment_parent: String(payload.parent ?? 0),
    };
    if (this.remember) fields['wp-comment-cookies-consent'] = 'yes';
    const { held } = await postClassicForm(action, fields, signal);
    return { status: held ? 'hold' : 'approved' } as WpComment;
  }

  private async handleSent(comment: WpComment | undefined, held: boolean, sentAt: number, notified = false): Promise<void> {
    writeDraft(this.draftId, undefined);
    this.values.content = '';
    this.held = held;
    // Asked for each comment: the box is unticked again, and the status says what the reader asked for.
    this.notifiedLast = notified;
    this.notifyRequested = false;
    this.status = 'sent';
    if (this.remember) this.saveAuthor();
    this.dispatchEvent(new CommentPostedEvent(this.mode === 'wp-form' ? undefined : comment, sentAt));
    if (this.parent) this.handleCancelReply();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.status')?.focus();
  }

  private async handleFailure(error: CommentApiError): Promise<void> {
    const fieldErrors: Partial<Record<CommentField, Notice>> = {};
    for (const field of FIELD_ORDER) {
      const message = error.params[field];
      if (typeof message === 'string') fieldErrors[field] = { serverText: message };
    }
    // The site's block lists refuse the email address or the network: worded by the form, in the reader's language.
    const blocked = error.code === COMMENT_BLOCKED_CODE;
    if (blocked && fieldErrors.author_email) fieldErrors.author_email = 'author_emailBlocked';
    this.errors = fieldErrors;
    // A failure to reach the server (status 0) is worded by the form; a refusal in the server's own words.
    if (error.status === 0) this.failure = error.code === 'timeout' ? 'timeout' : 'network';
    else if (blocked) this.failure = fieldErrors.author_email ? 'author_emailBlocked' : 'networkBlocked';
    else this.failure = error.message ? { serverText: error.message } : 'failed';
    this.status = 'error';
    this.dispatchEvent(new CommentErrorEvent(error.code, error.status, error.message));
    if (Object.keys(fieldErrors).length > 0) return this.focusFirstInvalid();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.retry')?.focus();
  }

  private say(notice: Notice): string {
    return typeof notice === 'string' ? this.localize.term(notice) : notice.serverText;
  }

  private renderField(field: CommentField) {
    const error = this.errors[field];
    const required = field === 'content' || (this.requireNameEmail && (field === 'author_name' || field === 'author_email'));
    const common = {
      describedBy: error ? `${field}-error` : undefined,
      invalid: error ? 'true' : undefined,
    };
    return html`<div class="field">
      <label for=${field}>${this.localize.term(field)}${required ? html` <span aria-hidden="true">*</span>` : nothing}</label>
      ${field === 'content'
        ? html`<textarea id="content" name="comment" rows="8" ?required=${required} aria-describedby=${ifDefined(common.describedBy)}
            aria-invalid=${ifDefined(common.invalid)} .value=${live(this.values.content)} @input=${this.handleInput}
            @keydown=${this.handleKeydown}></textarea>`
        : html`<input id=${field} name=${CLASSIC_NAMES[field]} type=${INPUT_TYPE[field]} autocomplete=${AUTOCOMPLETE[field]}
            ?required=${required} aria-describedby=${ifDefined(common.describedBy)} aria-invalid=${ifDefined(common.invalid)}
            .value=${live(this.values[field])} @input=${this.handleInput} />`}
      ${error ? html`<p class="error" id="${field}-error">${this.say(error)}</p>` : nothing}
    </div>`;
  }

  protected override render() {
    const level = clampHeadingLevel(this.headingLevel);
    const replying = this.parent > 0;
    const sending = this.status === 'sending';
    return html`<form part="form" novalidate aria-labelledby="heading" aria-busy=${sending ? 'true' : 'false'} @submit=${this.handleSubmit}>
      <div class="title">
        <div part="heading" class="heading" id="heading" role="heading" aria-level=${level}>
          ${replying && this.replyToName ? this.localize.term('leaveReplyTo', this.replyToName) : this.localize.term('leaveReply')}
        </div>
        ${replying
          ? html`<button class="secondary" type="button" @click=${this.handleCancelReply}>${this.localize.term('cancelReply')}</button>`
          : nothing}
      </div>
      <p>${this.localize.term('emailNote')} ${this.localize.term('requiredNote')} <span aria-hidden="true">*</span></p>
      ${FIELD_ORDER.map((field) => this.renderField(field))}
      <div class="consent">
        <input id="remember" name="wp-comment-cookies-consent" type="checkbox" value="yes" .checked=${live(this.remember)}
          @change=${this.handleRememberChange} />
        <label for="remember">${this.localize.term('saveAuthor')}</label>
      </div>
      ${this.notifyOffered
        ? html`<div class="consent">
            <input id="notify" name=${NOTIFY_FIELD} type="checkbox" value="yes" aria-describedby="notify-note" .checked=${live(this.notifyRequested)}
              @change=${this.handleNotifyChange} />
            <label for="notify">${this.localize.term('notifyReplies')}</label>
          </div>
          <p class="note" id="notify-note">${this.localize.term('notifyNote')}</p>`
        : nothing}
      <div class="trap" aria-hidden="true">
        <label for="trap">${this.localize.term('honeypot')}</label>
        <input id="trap" name=${HONEYPOT_FIELD} type="text" tabindex="-1" autocomplete="off" />
      </div>
      <button part="submit" class="submit" type="submit" ?disabled=${sending}>
        ${this.localize.term(sending ? 'sending' : 'submit')}
      </button>
      <div class="messages">
        <p class="status" role="status" tabindex="-1">
          ${this.status === 'sent' ? this.localize.term(this.held ? 'held' : 'posted') : nothing}
          ${this.status === 'sent' && this.notifiedLast ? this.localize.term('notifyConfirm') : nothing}
        </p>
        <div class="alert" role="alert">
          ${this.status === 'error'
            ? html`<p>${this.say(this.failure)}</p>
                <button class="secondary retry" type="button" @click=${this.submit}>${this.localize.term('retry')}</button>`
            : nothing}
        </div>
      </div>
    </form>`;
  }
}
