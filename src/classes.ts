// The classes and helpers, without registering any tag: for subclassing or registering under another name.
export { StatCallout, type StatFormat } from './components/stat-callout/stat-callout.js';
export { FactBox } from './components/fact-box/fact-box.js';
export { SocialFollow } from './components/social-follow/social-follow.js';
export { PullQuote, type PullQuoteVariant } from './components/pull-quote/pull-quote.js';
export { SpeakerCaption } from './components/speaker-caption/speaker-caption.js';
export { NewsroomElement } from './internal/newsroom-element.js';
export { registerTranslation, type Translation, type Term } from './internal/localize.js';
export { safeUrl } from './internal/safe-url.js';
export { NewsroomToggleEvent } from './events/toggle-event.js';
export { PullQuoteShareEvent, type PullQuoteShareDetail, type PullQuoteShareNetwork } from './events/pull-quote-share-event.js';
