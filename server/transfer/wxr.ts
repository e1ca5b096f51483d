import type { WpCommentStatus } from 'newsroom-comment-protocol';
import { FieldText, parseMysqlUtc, type PostReference, type SourceComment } from './source.js';
import { XmlRefused, readXml } from './xml.js';

const WXR_NAMESPACE = /^http:\/\/wordpress\.org\/export\/1\.\d+\/$/;

/** WordPress's comment_approved values. */
const STATUSES: Record<string, WpCommentStatus> = {
  '1': 'approved',
  '0': 'hold',
  spam: 'spam',
  trash: 'trash',
  // Comments of a post in the trash: trashed with it.
  'post-trashed': 'trash',
};

/**
 * The comments of a WordPress export (WXR 1.0 to 1.2, as Tools → Export and export_wp() write it): each item's
 * `wp:post_id` and `link`, then its `wp:comment` elements. The source is the channel's `wp:base_site_url`.
 */
export async function* readWxr(path: string): AsyncGenerator<SourceComment> {
  const stack: string[] = [];
  let field: FieldText | undefined;
  let site = '';
  let post: PostReference = {};
  let comment: Map<string, string> | undefined;
  let commentLine = 0;
  let overflow = false;
  for await (const batch of readXml(path)) {
    for (const event of batch) {
      if (event.kind === 'text') {
        field?.add(event.text);
        continue;
      }
      if (event.kind === 'open') {
        const name = WXR_NAMESPACE.test(event.uri) ? `wp:${event.local}` : event.uri === '' ? event.local : `{${event.uri}}${event.local}`;
        if (stack.length === 0 && name !== 'rss') {
          throw new XmlRefused(`this is not a WordPress export (WXR): its root element is <${event.local}>, not <rss>`);
        }
        stack.push(name);
        const at = stack.join('/');
        if (at === 'rss/channel/item') post = {};
        if (at === 'rss/channel/item/wp:comment') {
          comment = new Map();
          commentLine = event.line;
          overflow = false;
        }
        const wanted =
          at === 'rss/channel/wp:base_site_url' ||
          at === 'rss/channel/item/wp:post_id' ||
          at === 'rss/channel/item/link' ||
          (comment !== undefined && stack.length === 5);
        field = wanted ? new FieldText() : undefined;
        continue;
      }
      const at = stack.join('/');
      const text = field?.text ?? '';
      if (at === 'rss/channel/wp:base_site_url') site = text.trim();
      else if (at === 'rss/channel/item/wp:post_id') post.id = text.trim();
      else if (at === 'rss/channel/item/link') post.link = text.trim();
      else if (comment !== undefined && stack.length === 5) {
        comment.set(stack[4], text);
        overflow ||= field?.overflow ?? false;
      } else if (at === 'rss/channel/item/wp:comment' && comment !== undefined) {
        yield toSourceComment(comment, { source: `wxr:${site}`, post: { ...post }, line: commentLine, overflow });
        comment = undefined;
      }
      stack.pop();
      field = undefined;
    }
  }
}

function toSourceComment(
  fields: ReadonlyMap<string, string>,
  context: { source: string; post: PostReference; line: number; overflow: boolean },
): SourceComment {
  const get = (name: string) => fields.get(`wp:${name}`) ?? '';
  const parent = get('comment_parent').trim();
  const rawStatus = get('comment_approved').trim();
  const gmt = get('comment_date_gmt').trim();
  // Old exports may have a zero GMT date: the local date is then the best there is (read as UTC).
  const rawDate = parseMysqlUtc(gmt) !== undefined ? gmt : get('comment_date').trim();
  return {
    source: context.source,
    sourceId: get('comment_id').trim(),
    ...(parent !== '' && parent !== '0' && { parentSourceId: parent }),
    post: context.post,
    authorName: get('comment_author'),
    authorEmail: get('comment_author_email').trim(),
    authorUrl: get('comment_author_url').trim(),
    authorIp: get('comment_author_IP').trim(),
    html: get('comment_content'),
    status: Object.hasOwn(STATUSES, rawStatus) ? STATUSES[rawStatus] : undefined,
    rawStatus,
    createdAt: parseMysqlUtc(rawDate),
    rawDate,
    type: get('comment_type').trim() || 'comment',
    line: context.line,
    ...(context.overflow && { oversized: true }),
  };
}
