import { createReadStream } from 'node:fs';
import { SaxesParser } from 'saxes';

/** An element opened, an element closed, or character data (text or CDATA) inside one. */
export type XmlEvent =
  | { kind: 'open'; uri: string; local: string; attributes: ReadonlyMap<string, string>; line: number }
  | { kind: 'close'; uri: string; local: string }
  | { kind: 'text'; text: string };

/** The file cannot be read safely or is not a well-formed UTF-8 XML document; nothing of it should be trusted. */
export class XmlRefused extends Error {}

export interface XmlLimits {
  /** The longest text, CDATA section, tag or comment in characters (the parser holds one whole before passing it on). */
  maxNodeChars: number;
  /** The deepest nesting of elements. */
  maxDepth: number;
}

/** Generous for any comment or article body; far below what would strain memory. */
export const DEFAULT_XML_LIMITS: XmlLimits = { maxNodeChars: 4 * 1024 * 1024, maxDepth: 64 };

// The parser is fed this many characters at a time, so no node outgrows the limit by more than this before it is seen.
const SLICE_CHARS = 16 * 1024;
const READ_BYTES = 64 * 1024;

/** An attribute's key in `attributes`: its namespace URI and local name. */
export const attributeKey = (uri: string, local: string): string => `{${uri}}${local}`;

/**
 * Reads an XML file as a stream of events, a batch per chunk read, in constant memory: saxes parses it (it never
 * expands entities other than XML's five and character references, and never fetches anything), and this refuses, with
 * an XmlRefused that says why and where, any DOCTYPE (so no entity declaration is ever read: billion laughs and
 * external entities are refused before they mean anything), an encoding other than UTF-8, bytes that are not UTF-8,
 * a node or nesting beyond `limits`, and a document that is not well-formed or ends early.
 */
export async function* readXml(path: string, limits: XmlLimits = DEFAULT_XML_LIMITS): AsyncGenerator<XmlEvent[]> {
  const parser = new SaxesParser({ xmlns: true, position: true });
  let events: XmlEvent[] = [];
  let depth = 0;
  let sinceLastNode = 0;
  const refuse = (message: string): never => {
    throw new XmlRefused(`line ${parser.line}: ${message}`);
  };
  const node = () => {
    sinceLastNode = 0;
  };
  parser.on('xmldecl', (declaration) => {
    node();
    if (declaration.encoding !== undefined && declaration.encoding.toLowerCase() !== 'utf-8') {
      refuse(`the file declares the encoding "${declaration.encoding}"; only UTF-8 files are read (WordPress and Disqus export UTF-8)`);
    }
  });
  parser.on('doctype', () =>
    refuse('the file has a DOCTYPE declaration, which WordPress and Disqus exports never have; entity declarations are not read'),
  );
  parser.on('opentag', (tag) => {
    node();
    depth += 1;
    if (depth > limits.maxDepth) refuse(`elements are nested more than ${limits.maxDepth} deep`);
    const attributes = new Map<string, string>();
    for (const attribute of Object.values(tag.attributes)) {
      attributes.set(attributeKey(attribute.uri, attribute.local), attribute.value);
    }
    events.push({ kind: 'open', uri: tag.uri, local: tag.local, attributes, line: parser.line });
  });
  parser.on('closetag', (tag) => {
    node();
    depth -= 1;
    events.push({ kind: 'close', uri: tag.uri, local: tag.local });
  });
  const text = (content: string) => {
    node();
    events.push({ kind: 'text', text: content });
  };
  parser.on('text', text);
  parser.on('cdata', text);
  parser.on('comment', node);
  parser.on('processinginstruction', node);
  parser.on('error', (error) => {
    throw new XmlRefused(`not well-formed XML: ${error.message}`);
  });

  const decoder = new TextDecoder('utf-8', { fatal: true });
  let bytesRead = 0;
  const decode = (bytes?: Buffer): string => {
    try {
      return bytes === undefined ? decoder.decode() : decoder.decode(bytes, { stream: true });
    } catch {
      // The decoder does not say where: the chunk it was given does.
      return refuse(`bytes ${bytesRead} to ${bytesRead + (bytes?.length ?? 0)} of the file are not valid UTF-8`);
    }
  };
  const feed = (chars: string) => {
    for (let start = 0; start < chars.length; start += SLICE_CHARS) {
      const slice = chars.slice(start, start + SLICE_CHARS);
      sinceLastNode += slice.length;
      parser.write(slice);
      if (sinceLastNode > limits.maxNodeChars) {
        refuse(`a single text, tag or comment is longer than ${limits.maxNodeChars} characters`);
      }
    }
  };

  for await (const bytes of createReadStream(path, { highWaterMark: READ_BYTES }) as AsyncIterable<Buffer>) {
    feed(decode(bytes));
    bytesRead += bytes.length;
    if (events.length > 0) {
      yield events;
      events = [];
    }
  }
  feed(decode());
  parser.close();
  if (events.length > 0) yield events;
}
