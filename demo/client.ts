// The page's elements, loaded after demo/hydrate.ts. Each element on its own rather than the all-in-one index, so
// that comment-section keeps its list, form and DOMPurify for when the reader opens the comments.
import '../src/components/stat-callout/define.js';
import '../src/components/fact-box/define.js';
import '../src/components/pull-quote/define.js';
import '../src/components/speaker-caption/define.js';
import '../src/components/social-follow/define.js';
import '../src/components/comment-section/define.js';
