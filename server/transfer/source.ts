import type { WpCommentStatus } from 'newsroom-comment-protocol';

/** How an export names the post a comment belongs to; the post mapping turns it into our post number. */
export interface PostReference {
  /** WordPress's post ID, or Disqus's thread identifier (the `disqus_identifier` the site gave the thread). */
  id?: string;
  /** The post's permalink (WordPress) or the thread's link (Disqus). */
  link?: string;
}

/** A comment as another system's export describes it, before it is checked: its text is that system's HTML. */
export interface SourceComment {
  /** The export it comes from: IDs are unique within it. */
  source: string;
  sourceId: string;
  parentSourceId?: string;
  post: PostReference;
  authorName: string;
  authorEmail: string;
  authorUrl: string;
  authorIp: string;
  html: string;
  /** Undefined when the export's status is not one we know (`rawStatus` says what it was). */
  status: WpCommentStatus | undefined;
  rawStatus: string;
  /** Undefined when the export's date cannot be read (`rawDate` says what it was). */
  createdAt: number | undefined;
  rawDate: string;
  /** What WordPress calls the comment type: only `comment` is a reader's comment (not `pingback`, `trackback`…). */
  type: string;
  /** Where it starts in the file, for the report. */
  line: number;
  /** A field was longer than MAX_FIELD_CHARS: the comment is refused rather than cut. */
  oversized?: boolean;
}

/** The comments of an export, read in order, in constant memory. */
export type SourceReader = (path: string) => AsyncGenerator<SourceComment>;

const MYSQL_DATE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/** A UTC date as WordPress writes it (`2022-11-14 10:15:00`); undefined for WordPress's zero date or anything else. */
export function parseMysqlUtc(text: string): number | undefined {
  const match = MYSQL_DATE.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day, hours, minutes, seconds] = match.slice(1).map(Number);
  const time = Date.UTC(year, month - 1, day, hours, minutes, seconds);
  const date = new Date(time);
  // Date.UTC rolls 2022-02-31 over into March: a date that does not round-trip does not exist.
  return year >= 1970 && date.getUTCDate() === day && date.getUTCMonth() === month - 1 && date.getUTCHours() === hours ? time : undefined;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})?$/;

/** A date as Disqus writes it (ISO 8601, `2013-04-04T14:26:26Z`; without a zone, as in its documentation, UTC). */
export function parseIsoDate(text: string): number | undefined {
  const trimmed = text.trim();
  const match = ISO_DATE.exec(trimmed);
  if (!match) return undefined;
  const time = Date.parse(match[2] === undefined ? `${trimmed}Z` : trimmed);
  return Number.isFinite(time) && time >= 0 ? time : undefined;
}

/** The longest field kept from an export (a comment's HTML may be longer than its text, which has its own limit). */
export const MAX_FIELD_CHARS = 1024 * 1024;

/** The text of the element being read, kept only up to MAX_FIELD_CHARS (an element may hold many CDATA sections). */
export class FieldText {
  text = '';
  overflow = false;
  add(text: string): void {
    if (this.text.length + text.length > MAX_FIELD_CHARS) this.overflow = true;
    else this.text += text;
  }
}
