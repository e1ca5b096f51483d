import type { WpCommentStatus } from 'newsroom-comment-protocol';
import type { StoredComment } from '../storage/port.js';
import type { TransferStorage } from '../storage/transfer-port.js';

/** Comments read from the database at a time: the export's memory does not grow with the number of comments. */
export const EXPORT_PAGE = 1000;

/** Every comment, any status, by post then ID, read page after page with a cursor (never an OFFSET). */
export async function* allComments(storage: TransferStorage, pageSize = EXPORT_PAGE): AsyncGenerator<StoredComment> {
  let after = { post: 0, id: 0 };
  for (;;) {
    const page = await storage.exportComments(after, pageSize);
    yield* page;
    if (page.length < pageSize) return;
    const last = page[page.length - 1];
    after = { post: last.post, id: last.id };
  }
}

export interface ExportOptions {
  /** Called for each comment written (the command counts them). */
  onComment?(): void;
}

/**
 * JSON Lines: one comment per line, every field we keep, the email and IP address included (this is the operator's
 * copy of the data); dates as ISO 8601 UTC with milliseconds.
 */
export async function* exportJsonLines(storage: TransferStorage, options: ExportOptions = {}): AsyncGenerator<string> {
  for await (const comment of allComments(storage)) {
    options.onComment?.();
    yield `${JSON.stringify({
      id: comment.id,
      post: comment.post,
      parent: comment.parent,
      status: comment.status,
      date_gmt: new Date(comment.createdAt).toISOString(),
      ...(comment.editedAt !== undefined && { edited_gmt: new Date(comment.editedAt).toISOString() }),
      author_name: comment.authorName,
      author_email: comment.authorEmail,
      author_url: comment.authorUrl,
      author_ip: comment.authorIp,
      content: comment.content,
    })}\n`;
  }
}

const APPROVED: Record<WpCommentStatus, string> = { approved: '1', hold: '0', spam: 'spam', trash: 'trash' };

/** The site a WXR file says it comes from: this server's export, which the importer names `wxr:` + this. */
export const WXR_SITE = 'urn:newsroom-comment-server';

// Characters XML 1.0 cannot carry at all, even escaped.
const NOT_XML = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;
const xmlText = (text: string): string => text.replace(NOT_XML, '\ufffd');
const escapeXml = (text: string): string => xmlText(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
// WordPress's wxr_cdata(): a CDATA section cannot contain "]]>", so it is split there.
const cdata = (text: string): string => `<![CDATA[${xmlText(text).replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
// Our text is plain text; WordPress keeps comments and names as HTML, so they are escaped as HTML (and read back so).
const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const mysqlDate = (ms: number): string => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

/**
 * A WordPress export (WXR 1.2) of every comment: one `<item>` per post (its link from POST_LINK), its comments with
 * their status, thread, dates, author fields, email and IP address, as WordPress's own export writes them. Comments
 * are HTML-escaped text, so WordPress shows them as they were written and this server's importer reads them back
 * unchanged. Dates are UTC to the second (WXR has no milliseconds).
 */
export async function* exportWxr(storage: TransferStorage, options: ExportOptions & { postLink: string }): AsyncGenerator<string> {
  const now = new Date();
  yield `<?xml version="1.0" encoding="UTF-8" ?>
<!-- Comments exported by newsroom-comment-server on ${now.toISOString()}: WordPress eXtended RSS (WXR). -->
<rss version="2.0"
	xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:wp="http://wordpress.org/export/1.2/"
>
<channel>
	<title>Comments</title>
	<pubDate>${now.toUTCString().replace('GMT', '+0000')}</pubDate>
	<wp:wxr_version>1.2</wp:wxr_version>
	<wp:base_site_url>${WXR_SITE}</wp:base_site_url>
	<wp:base_blog_url>${WXR_SITE}</wp:base_blog_url>
	<generator>newsroom-comment-server</generator>
`;
  let post: number | undefined;
  for await (const comment of allComments(storage)) {
    if (comment.post !== post) {
      if (post !== undefined) yield '\t</item>\n';
      post = comment.post;
      const link = options.postLink.replaceAll('{post}', String(post));
      yield `\t<item>
		<title>${escapeXml(`Post ${post}`)}</title>
		<link>${escapeXml(link)}</link>
		<wp:post_id>${post}</wp:post_id>
		<wp:post_type>${cdata('post')}</wp:post_type>
`;
    }
    options.onComment?.();
    yield commentXml(comment);
  }
  if (post !== undefined) yield '\t</item>\n';
  yield '</channel>\n</rss>\n';
}

function commentXml(comment: StoredComment): string {
  const date = mysqlDate(comment.createdAt);
  return `		<wp:comment>
			<wp:comment_id>${comment.id}</wp:comment_id>
			<wp:comment_author>${cdata(escapeHtml(comment.authorName))}</wp:comment_author>
			<wp:comment_author_email>${cdata(comment.authorEmail)}</wp:comment_author_email>
			<wp:comment_author_url>${escapeXml(comment.authorUrl)}</wp:comment_author_url>
			<wp:comment_author_IP>${cdata(comment.authorIp)}</wp:comment_author_IP>
			<wp:comment_date>${cdata(date)}</wp:comment_date>
			<wp:comment_date_gmt>${cdata(date)}</wp:comment_date_gmt>
			<wp:comment_content>${cdata(escapeHtml(comment.content))}</wp:comment_content>
			<wp:comment_approved>${cdata(APPROVED[comment.status])}</wp:comment_approved>
			<wp:comment_type>${cdata('comment')}</wp:comment_type>
			<wp:comment_parent>${comment.parent}</wp:comment_parent>
			<wp:comment_user_id>0</wp:comment_user_id>
		</wp:comment>
`;
}
