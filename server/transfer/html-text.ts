import { Parser } from 'htmlparser2';

// Elements whose end starts a new line or paragraph in the text, as a browser would show them.
const LINE_BREAKS = new Set(['br', 'li', 'tr']);
const PARAGRAPHS = new Set(['p', 'div', 'blockquote', 'pre', 'ul', 'ol', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
// Code and style sheets are not words anyone wrote for readers.
const DROPPED = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object']);

const isHttpUrl = (url: string): boolean => URL.canParse(url) && ['http:', 'https:'].includes(new URL(url).protocol);

/**
 * The text of a comment another system stored as HTML, as a reader saw it: tags become nothing (block ends become line
 * breaks), entities become their characters, scripts and styles disappear, and a link keeps its address after its
 * words (`the report (https://…)`) when that is http(s) and not already its words. The result is plain text, stored
 * and shown escaped like every comment; htmlparser2 reads in linear time and never builds a DOM.
 */
export function htmlToText(html: string): string {
  let text = '';
  let dropped = 0;
  const links: Array<{ href: string; start: number }> = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (DROPPED.has(name)) dropped += 1;
        if (name === 'a') links.push({ href: (attributes.href ?? '').trim(), start: text.length });
      },
      ontext(data) {
        if (dropped === 0) text += data;
      },
      onclosetag(name) {
        if (DROPPED.has(name)) dropped = Math.max(0, dropped - 1);
        if (name === 'a') {
          const link = links.pop();
          const words = link && text.slice(link.start).trim();
          if (link && isHttpUrl(link.href) && words !== link.href) text += words ? ` (${link.href})` : link.href;
        }
        if (LINE_BREAKS.has(name)) text += '\n';
        else if (PARAGRAPHS.has(name)) text += '\n\n';
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  return text;
}
