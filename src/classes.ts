// The public classes (elements and events) and the translation API, without registering any tag: for subclassing or
// registering under another name.
export { StatCallout, type StatFormat } from './components/stat-callout/stat-callout.js';
export { FactBox } from './components/fact-box/fact-box.js';
export { SocialFollow } from './components/social-follow/social-follow.js';
export { PullQuote, type PullQuoteVariant } from './components/pull-quote/pull-quote.js';
export { SpeakerCaption } from './components/speaker-caption/speaker-caption.js';
export { CommentSection } from './components/comment-section/comment-section.js';
export { CommentToggle } from './components/comment-toggle/comment-toggle.js';
export { CommentList } from './components/comment-list/comment-list.js';
export { CommentForm } from './components/comment-form/comment-form.js';
export { registerTranslation, type Translation } from './internal/localize.js';
export type { Term } from './internal/terms.js';
export { NewsroomToggleEvent } from './events/toggle-event.js';
export { PullQuoteShareEvent, type PullQuoteShareDetail, type PullQuoteShareNetwork } from './events/pull-quote-share-event.js';
export { CommentSubmitEvent } from './events/comment-submit-event.js';
export { CommentPostedEvent } from './events/comment-posted-event.js';
export { CommentCountEvent } from './events/comment-count-event.js';
export { CommentErrorEvent } from './events/comment-error-event.js';
export { CommentReplyEvent } from './events/comment-reply-event.js';
