import type { PageTerms } from './notification-terms.js';
import { escapeHtml } from './render.js';

/**
 * The page a link from an email opens: a message, and the button that does what the link is for (a POST to itself),
 * in language `lang` (the terms' own).
 */
export function notificationPage(page: PageTerms & { oneClick?: boolean }, lang: string): string {
  // RFC 8058's body on the unsubscribe page, so that its button and a mail client's one-click POST are the same request.
  const field = page.oneClick ? '<input type="hidden" name="List-Unsubscribe" value="One-Click">' : '';
  const form = page.button ? `<form method="post">${field}<button type="submit">${escapeHtml(page.button)}</button></form>` : '';
  return (
    `<!doctype html><html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(page.title)}</title></head><body><main><h1>${escapeHtml(page.title)}</h1><p>${escapeHtml(page.message)}</p>${form}</main></body></html>`
  );
}
