// The page's elements, loaded after demo/hydrate.ts. Only the elements a reader can see first are loaded at once; the
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

const observer = new IntersectionObserver(
  (entries) => {
    for (const { isIntersecting, target } of entries) {
      const load = LATER[target.localName];
      if (!isIntersecting || !load) continue;
      delete LATER[target.localName];
      document.querySelectorAll(target.localName).forEach((element) => observer.unobserve(element));
      void load();
    }
  },
  { rootMargin: '200% 0px' },
);
for (const tag of Object.keys(LATER)) document.querySelectorAll(tag).forEach((element) => observer.observe(element));
