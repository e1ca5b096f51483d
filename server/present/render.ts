import { URL_PATTERN } from '../comments/links.js';

/**
 * Builds `content.rendered` from the stored plain text: everything escaped, blank lines make paragraphs, single line
 * breaks make `<br />`, and http(s) URLs become links with `rel="nofollow ugc"`. Stored text is never HTML.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#039;' };

/** WordPress's esc_html(): text made safe for an HTML element or a quoted attribute value. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => ESCAPES[char]);

const TRAILING_PUNCTUATION = new Set('.,;:!?)]}');

/** A URL without the punctuation that ends the sentence around it: one backward scan, never a regex. */
function withoutTrailingPunctuation(url: string): string {
  let end = url.length;
  while (end > 0 && TRAILING_PUNCTUATION.has(url[end - 1])) end -= 1;
  return url.slice(0, end);
}

function linkify(line: string): string {
  let html = '';
  let last = 0;
  for (const match of line.matchAll(URL_PATTERN)) {
    const start = match.index;
    const url = withoutTrailingPunctuation(match[0]);
    html += escapeHtml(line.slice(last, start));
    if (URL.canParse(url)) {
      const href = escapeHtml(new URL(url).href);
      html += `<a href="${href}" rel="nofollow ugc">${escapeHtml(url)}</a>`;
    } else {
      html += escapeHtml(url);
    }
    last = start + url.length;
  }
  return html + escapeHtml(line.slice(last));
}

// Comment lists are read far more often than written: keep recent renderings of ordinary-sized comments (a Map
// keeps insertion order, so the oldest goes first). Bounded to a few megabytes.
const rendered = new Map<string, string>();
const RENDER_CACHE_SIZE = 2000;
const CACHED_TEXT_LENGTH = 4096;

export function renderContent(text: string): string {
  const cached = rendered.get(text);
  if (cached !== undefined) return cached;
  const html = render(text);
  if (text.length > CACHED_TEXT_LENGTH) return html;
  if (rendered.size >= RENDER_CACHE_SIZE) rendered.delete(rendered.keys().next().value as string);
  rendered.set(text, html);
  return html;
}

function render(text: string): string {
  return text
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => `<p>${paragraph.split('\n').map(linkify).join('<br />\n')}</p>\n`)
    .join('');
}
