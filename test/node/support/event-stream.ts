// A Server-Sent Events client for tests: opens a stream over plain HTTP (so the test sets any header and sees the
// status of a refusal), parses its events as they come, and waits for the next one with a deadline.
import { get, type IncomingHttpHeaders } from 'node:http';

export interface StreamEvent {
  id?: string;
  event: string;
  data: string;
}

export interface TestEventStream {
  status: number;
  headers: IncomingHttpHeaders;
  /** The body of a refused stream; everything received so far of an open one. */
  text(): string;
  /** Resolves with the next event not yet taken, or rejects after `timeoutMs`. */
  next(timeoutMs?: number): Promise<StreamEvent>;
  /** Every event received so far, taken or not. */
  received(): StreamEvent[];
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

function parseBlock(block: string): StreamEvent | undefined {
  const event: StreamEvent = { event: 'message', data: '' };
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line === '' || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'id') event.id = value;
    else if (field === 'event') event.event = value;
    else if (field === 'data') data.push(value);
  }
  if (data.length === 0) return undefined;
  event.data = data.join('\n');
  return event;
}

export function openEventStream(url: string, headers: Record<string, string> = {}): Promise<TestEventStream> {
  return new Promise((resolve, reject) => {
    const request = get(url, { headers: { Accept: 'text/event-stream', ...headers } }, (response) => {
      let raw = '';
      let pending = '';
      const events: StreamEvent[] = [];
      let taken = 0;
      let waiter: (() => void) | undefined;
      const ended = new Promise<void>((done) => response.once('close', done));
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        raw += chunk;
        pending += chunk;
        const blocks = pending.split('\n\n');
        pending = blocks.pop() ?? '';
        for (const block of blocks) {
          const event = parseBlock(block);
          if (event) events.push(event);
        }
        waiter?.();
      });
      response.on('error', () => undefined);
      resolve({
        status: response.statusCode ?? 0,
        headers: response.headers,
        text: () => raw,
        received: () => [...events],
        ended,
        next(timeoutMs = 5000) {
          return new Promise((done, fail) => {
            const timer = setTimeout(() => {
              waiter = undefined;
              fail(new Error(`no event within ${timeoutMs} ms; received so far:\n${raw}`));
            }, timeoutMs);
            const check = () => {
              if (taken < events.length) {
                clearTimeout(timer);
                waiter = undefined;
                done(events[taken++]);
              }
            };
            waiter = check;
            ended.then(() => {
              if (waiter === check) {
                clearTimeout(timer);
                waiter = undefined;
                fail(new Error(`the stream ended; received:\n${raw}`));
              }
            });
            check();
          });
        },
        close: () => request.destroy(),
      });
    });
    request.once('error', reject);
  });
}
