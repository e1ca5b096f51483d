import { html, nothing } from 'lit';
import type { LocalizeController, TermName } from './localize.js';
import type { Terms } from './terms.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Parses an ISO 8601 date or date-time (`2022-03-15`, `2022-03-15T09:30:00Z`); anything else gives `undefined`,
 * so that the caller can show the text as written instead of "Invalid Date".
 */
export function parseIsoDate(raw: string | null | undefined): Date | undefined {
  const text = raw?.trim();
  if (!text || !ISO_DATE.test(text)) return undefined;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * A date attribute as a `<time>`: an ISO date in the element's language ("15 March 2022"), other text as written and
 * without `datetime`. `phrase` names a term that words the date, such as "as of 15 March 2022".
 */
export function renderDate<E extends Terms>(raw: string | null | undefined, localize: LocalizeController<E>, phrase?: TermName<E>) {
  const iso = raw?.trim() ?? '';
  const date = parseIsoDate(iso);
  // A day alone is shown in UTC, where `Date` put it, so that it keeps its calendar day in every time zone.
  const text = date ? localize.date(date, { dateStyle: 'long', timeZone: iso.length === 10 ? 'UTC' : undefined }) : (raw ?? '');
  return html`<time datetime=${date ? iso : nothing}>${phrase ? localize.term(phrase, text) : text}</time>`;
}
