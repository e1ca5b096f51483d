import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { STREAM_PATH, STREAM_RESUME_PARAM, type CommentStreamEvents } from 'newsroom-comment-protocol';
import type { CommentEvent, CommentEventFeed, Following } from '../comments/events.js';
import { presentComment } from '../present/comment.js';
import { WpHttpError, invalidParams } from './errors.js';

export interface StreamRoutesOptions {
  events: CommentEventFeed;
  postLink: string;
  clientAddress(request: FastifyRequest): string;
  /** Streams one address may hold open at once. */
  perAddress: number;
  /** Seconds between heartbeats (comment lines that keep proxies and the idle timeout from closing the stream). */
  heartbeatSeconds: number;
  /** Seconds after which the server ends a stream (the browser's EventSource reconnects and resumes). */
  maxAgeSeconds: number;
}

const MAX_ID = 2147483647;
// Event IDs are positions in the log: digits, short enough to be exact in a JavaScript number.
const EVENT_ID = /^[0-9]{1,15}$/;
const EVENT_ID_MESSAGE = 'must be the id of an event of this stream (digits only).';
// How long the browser waits before reconnecting a stream that ended (the EventSource `retry` field).
const RECONNECT_MS = 3000;
// A reader that does not read: past this much unsent text, its stream is ended (it reconnects and resumes).
const MAX_BUFFERED_BYTES = 1024 * 1024;

type StreamQuery = { post: number; [STREAM_RESUME_PARAM]?: string };

/**
 * `GET …/comments/stream?post=N`: Server-Sent Events of the post's comments as readers see them change (`comment`,
 * `edited`, `removed`; see CommentStreamEvents), from the durable event log, resumable with `Last-Event-ID` or
 * `?last_event_id=`. Heartbeats every `heartbeatSeconds`; ended after `maxAgeSeconds`; at most `perAddress` open
 * streams per client address (429 beyond).
 */
export function streamRoutes(app: FastifyInstance, options: StreamRoutesOptions): void {
  const openByAddress = new Map<string, number>();
  const openStreams = new Set<() => void>();
  // One rendering per event, however many streams it goes to (the feed hands each the same object).
  const rendered = new WeakMap<CommentEvent, string>();
  const render = (event: CommentEvent): string => {
    let text = rendered.get(event);
    if (text === undefined) {
      const data: CommentStreamEvents[CommentEvent['kind']] =
        event.kind === 'removed' || !event.comment ? { id: event.commentId, post: event.post } : presentComment(event.comment, options.postLink);
      // JSON text has no line breaks, so it is one `data:` line.
      text = `id: ${event.id}\nevent: ${event.kind}\ndata: ${JSON.stringify(data)}\n\n`;
      rendered.set(event, text);
    }
    return text;
  };

  // On shutdown, streams end at once (their browsers reconnect to another process) instead of holding it up.
  app.addHook('preClose', async () => {
    for (const end of [...openStreams]) end();
  });

  app.get<{ Querystring: StreamQuery }>(
    `/comments${STREAM_PATH}`,
    {
      schema: {
        querystring: {
          type: 'object',
          required: ['post'],
          properties: { post: { type: 'integer', minimum: 1, maximum: MAX_ID }, [STREAM_RESUME_PARAM]: { type: 'string' } },
        },
      },
    },
    async (request, reply: FastifyReply) => {
      const header = request.headers['last-event-id'];
      const resumeFrom = header ?? request.query[STREAM_RESUME_PARAM];
      if (resumeFrom !== undefined && (typeof resumeFrom !== 'string' || !EVENT_ID.test(resumeFrom))) {
        const name = header !== undefined ? 'Last-Event-ID' : STREAM_RESUME_PARAM;
        throw invalidParams({ [name]: `${name} ${EVENT_ID_MESSAGE}` });
      }
      const address = options.clientAddress(request);
      const open = openByAddress.get(address) ?? 0;
      if (open >= options.perAddress) {
        throw new WpHttpError(
          429,
          'rest_too_many_streams',
          'Too many live comment streams are open from your address. Close another page of comments, or try again later.',
          undefined,
          { 'Retry-After': String(options.heartbeatSeconds) },
        );
      }
      openByAddress.set(address, open + 1);

      const stream = new PassThrough();
      let following: Following | undefined;
      let ended = false;
      const timers: NodeJS.Timeout[] = [];
      const end = () => {
        if (ended) return;
        ended = true;
        following?.close();
        timers.forEach((timer) => clearTimeout(timer));
        openStreams.delete(end);
        const left = (openByAddress.get(address) ?? 1) - 1;
        if (left > 0) openByAddress.set(address, left);
        else openByAddress.delete(address);
        stream.end();
      };
      const write = (text: string) => {
        if (ended) return;
        if (stream.writableLength > MAX_BUFFERED_BYTES) end();
        else stream.write(text);
      };
      openStreams.add(end);
      reply.raw.once('close', end);
      write(`retry: ${RECONNECT_MS}\n\n`);
      try {
        following = await options.events.follow(request.query.post, resumeFrom === undefined ? undefined : Number(resumeFrom), (event) => write(render(event)));
      } catch (error) {
        end();
        throw error;
      }
      if (ended) following.close();
      timers.push(setInterval(() => write(': heartbeat\n\n'), options.heartbeatSeconds * 1000));
      timers.push(setTimeout(end, options.maxAgeSeconds * 1000));
      return reply
        .header('Content-Type', 'text/event-stream; charset=utf-8')
        .header('Cache-Control', 'no-store')
        // nginx passes each event on as it comes instead of buffering the response.
        .header('X-Accel-Buffering', 'no')
        .send(stream);
    },
  );
}
