// The page's elements, loaded after demo/browser/hydrate.ts. Only the elements a reader can see first are loaded at once; the
// others arrive as they come within two screens of the viewport. Server-rendered, they read the same before their
// module arrives, and hydration adopts their shadow roots without moving anything.
import 'newsroom-elements/pull-quote.js';
import 'newsroom-elements/speaker-caption.js';

const LATER: Record<string, () => Promise<unknown>> = {
  'fact-box': () => import('newsroom-elements/fact-box.js'),
  'stat-callout': () => import('newsroom-elements/stat-callout.js'),
  // Its server-rendered links already hold their icons' squares: only the icons arrive with it.
  'social-follow': () => import('newsroom-elements/social-follow.js'),
  // comment-section itself loads its list, form and DOMPurify only when the reader opens the comments.
  'comment-section': () => import('newsroom-elements/comment-section.js'),
};

function loadLater(tag: string): void {
  const load = LATER[tag];
  if (!load) return;
  delete LATER[tag];
  document.querySelectorAll(tag).forEach((element) => observer.unobserve(element));
  void load();
}

const observer = new IntersectionObserver(
  (entries) => {
    for (const { isIntersecting, target } of entries) if (isIntersecting) loadLater(target.localName);
  },
  { rootMargin: '200% 0px' },
);
for (const tag of Object.keys(LATER)) document.querySelectorAll(tag).forEach((element) => observer.observe(element));

// The fragments comment-section opens from: `#comments`, and `#comment-<id>` as WordPress links each comment. Written
// out here rather than imported from the section, whose module would otherwise lend this script a chunk (a request).
const COMMENTS_LINK = /^#comment(?:s|-\d+)$/;

// A link into the comments (on arrival or followed on the page) loads the section at once, which opens them: the
// browser cannot scroll to `#comment-<id>`, a comment the section renders in its shadow root only once opened, so
// waiting for the section to near the viewport would leave the reader at the top of the page.
function loadCommentsIfLinked(): void {
  if (COMMENTS_LINK.test(location.hash)) loadLater('comment-section');
}
addEventListener('hashchange', loadCommentsIfLinked);
loadCommentsIfLinked();
