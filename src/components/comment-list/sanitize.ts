import DOMPurify, { type DOMPurify as Purifier } from 'dompurify';
import { safeUrl } from '../../internal/safe-url.js';

// WordPress's commenter allowlist (kses), plus the paragraphs and line breaks WordPress itself adds when rendering.
const ALLOWED_TAGS = ['a', 'abbr', 'acronym', 'b', 'blockquote', 'cite', 'code', 'del', 'em', 'i', 'q', 's', 'strike', 'strong', 'p', 'br'];
const ALLOWED_ATTR = ['href', 'title', 'cite', 'datetime'];
const URL_ATTRIBUTES = ['href', 'cite'];

let purifier: Purifier | undefined;

// An instance of our own, so that its hook never touches the page's other DOMPurify uses; made on first use, so
// that importing this module needs no `window` (server rendering).
function createPurifier(): Purifier {
  const instance = DOMPurify(window);
  instance.addHook('afterSanitizeAttributes', (node) => {
    for (const name of URL_ATTRIBUTES) {
      const value = node.getAttribute(name);
      if (value !== null && !safeUrl(value)) node.removeAttribute(name);
    }
    if (node.tagName === 'A') node.setAttribute('rel', 'nofollow ugc noopener');
  });
  return instance;
}

/** A comment's `content.rendered` reduced to WordPress's commenter allowlist, links limited to http(s) and relative. */
export function sanitizeComment(html: string): string {
  purifier ??= createPurifier();
  return purifier.sanitize(html, { ALLOWED_TAGS, ALLOWED_ATTR, ALLOW_DATA_ATTR: false, ALLOW_ARIA_ATTR: false });
}
