// WXR files made up for tests and benchmarks: as large as needed, written as a stream.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

export const WXR_HEAD = '<?xml version="1.0" encoding="UTF-8" ?>\n';
export const RSS_OPEN =
  '<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel><wp:base_site_url>https://generated.example</wp:base_site_url>';

/** Writes a WXR file of `count` comments of about `chars` characters each (100 per post, every third one a reply). */
export async function generateWxr(path: string, count: number, chars: number): Promise<void> {
  const out = createWriteStream(path);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  const words = 'Le conseil a voté le budget; Рада ухвалила бюджет. '.repeat(Math.ceil(chars / 50)).slice(0, chars);
  await write(`${WXR_HEAD}${RSS_OPEN}\n`);
  for (let id = 1; id <= count; id += 1) {
    const post = Math.ceil(id / 100);
    if (id % 100 === 1) await write(`${id > 1 ? '</item>' : ''}<item><link>https://generated.example/?p=${post}</link><wp:post_id>${post}</wp:post_id>\n`);
    await write(
      `<wp:comment><wp:comment_id>${id}</wp:comment_id><wp:comment_author><![CDATA[Reader ${id}]]></wp:comment_author>` +
        `<wp:comment_author_email>r${id}@example.com</wp:comment_author_email><wp:comment_date_gmt>2022-01-01 00:00:00</wp:comment_date_gmt>` +
        `<wp:comment_content><![CDATA[<p>${id}: ${words}</p>]]></wp:comment_content><wp:comment_approved>1</wp:comment_approved>` +
        `<wp:comment_parent>${id % 3 === 0 && id % 100 !== 1 ? id - 1 : 0}</wp:comment_parent></wp:comment>\n`,
    );
  }
  await write('</item></channel></rss>\n');
  out.end();
  await once(out, 'finish');
}

/** Writes a WXR file whose one comment's text is a single run of `chars` characters (one XML text node). */
export async function generateOneHugeText(path: string, chars: number): Promise<void> {
  const out = createWriteStream(path);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(`${WXR_HEAD}${RSS_OPEN}<item><wp:post_id>1</wp:post_id><wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_content>`);
  const block = 'A'.repeat(1024 * 1024);
  for (let written = 0; written < chars; written += block.length) await write(block.slice(0, Math.min(block.length, chars - written)));
  await write('</wp:comment_content></wp:comment></item></channel></rss>\n');
  out.end();
  await once(out, 'finish');
}
