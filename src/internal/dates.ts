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

/** Whether an ISO text names a day only (no time), which must then be shown in UTC to keep its calendar day. */
export function isDateOnly(raw: string): boolean {
  return raw.trim().length === 10;
}
