import { FieldText, parseIsoDate, type PostReference, type SourceComment } from './source.js';
import { XmlRefused, attributeKey, readXml } from './xml.js';

const DISQUS = 'http://disqus.com';
const INTERNALS = 'http://disqus.com/disqus-internals';
const dsqId = (attributes: ReadonlyMap<string, string>): string | undefined => attributes.get(attributeKey(INTERNALS, 'id'))?.trim() || undefined;

/**
 * The comments (`<post>` elements) of a Disqus export (Admin → Community → Export, schema
 * http://disqus.com/api/schemas/1.0/disqus.xsd): threads come first and name the page each post belongs to; a post's
 * `isSpam` makes it spam, `isDeleted` trash, anything else is approved. The source is the forum's short name.
 */
export async function* readDisqus(path: string): AsyncGenerator<SourceComment> {
  // Only the threads are kept, one small entry each: posts are passed on as they are read.
  const threads = new Map<string, PostReference>();
  const stack: string[] = [];
  let field: FieldText | undefined;
  let forum = '';
  let record: { kind: 'thread' | 'post'; fields: Map<string, string>; refs: Map<string, string>; id?: string; line: number; overflow: boolean } | undefined;
  for await (const batch of readXml(path)) {
    for (const event of batch) {
      if (event.kind === 'text') {
        field?.add(event.text);
        continue;
      }
      if (event.kind === 'open') {
        if (stack.length === 0 && (event.local !== 'disqus' || event.uri !== DISQUS)) {
          throw new XmlRefused(`this is not a Disqus export: its root element is <${event.local}>, not <disqus xmlns="${DISQUS}">`);
        }
        stack.push(event.uri === DISQUS ? event.local : `{${event.uri}}${event.local}`);
        if (stack.length === 2 && (event.local === 'thread' || event.local === 'post')) {
          record = { kind: event.local, fields: new Map(), refs: new Map(), id: dsqId(event.attributes), line: event.line, overflow: false };
        } else if (record && stack.length === 3) {
          // <thread dsq:id="…"/> and <parent dsq:id="…"/> inside a post refer to other records by their Disqus ID.
          const id = dsqId(event.attributes);
          if (id !== undefined) record.refs.set(event.local, id);
        }
        field = record && (stack.length === 3 || stack.length === 4) ? new FieldText() : undefined;
        continue;
      }
      if (record && (stack.length === 3 || stack.length === 4)) {
        record.fields.set(stack.slice(2).join('/'), field?.text ?? '');
        record.overflow ||= field?.overflow ?? false;
      } else if (record && stack.length === 2) {
        const fields = record.fields;
        const get = (name: string) => fields.get(name)?.trim() ?? '';
        if (record.kind === 'thread') {
          forum ||= get('forum');
          const reference: PostReference = { ...(get('id') && { id: get('id') }), ...(get('link') && { link: get('link') }) };
          if (record.id !== undefined) threads.set(`dsq:${record.id}`, reference);
          if (get('id')) threads.set(`id:${get('id')}`, reference);
        } else {
          yield toSourceComment(record, threads, `disqus:${forum}`);
        }
        record = undefined;
      }
      stack.pop();
      field = undefined;
    }
  }
}

function toSourceComment(
  record: { fields: Map<string, string>; refs: Map<string, string>; id?: string; line: number; overflow: boolean },
  threads: ReadonlyMap<string, PostReference>,
  source: string,
): SourceComment {
  const get = (name: string) => record.fields.get(name)?.trim() ?? '';
  const isTrue = (name: string) => get(name).toLowerCase() === 'true';
  // A post, its thread and its parent are named by Disqus ID, or in the documented short form by the `<id>` text.
  const reference = (name: string): string | undefined =>
    record.refs.has(name) ? `dsq:${record.refs.get(name)}` : get(name) ? `id:${get(name)}` : undefined;
  const threadKey = reference('thread');
  // A thread named by its identifier but not declared in the file still names its page.
  const post = (threadKey !== undefined && threads.get(threadKey)) || (threadKey?.startsWith('id:') ? { id: threadKey.slice(3) } : {});
  const spam = isTrue('isSpam');
  const deleted = isTrue('isDeleted');
  const approvedField = get('isApproved').toLowerCase();
  const status = spam ? 'spam' : deleted ? 'trash' : approvedField === 'false' ? 'hold' : 'approved';
  const rawDate = get('createdAt');
  const parent = reference('parent');
  return {
    source,
    sourceId: record.id !== undefined ? `dsq:${record.id}` : get('id') ? `id:${get('id')}` : `line:${record.line}`,
    ...(parent !== undefined && { parentSourceId: parent }),
    post,
    authorName: get('author/name') || get('author/username'),
    authorEmail: get('author/email'),
    authorUrl: '',
    authorIp: get('ipAddress'),
    html: record.fields.get('message') ?? '',
    status,
    rawStatus: [spam && 'isSpam', deleted && 'isDeleted', approvedField === 'false' && 'not approved'].filter(Boolean).join(', ') || 'approved',
    createdAt: parseIsoDate(rawDate),
    rawDate,
    type: 'comment',
    line: record.line,
    ...(record.overflow && { oversized: true }),
  };
}
