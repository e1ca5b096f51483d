import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { WpComment } from 'newsroom-comment-protocol';
import { newComment, startTestServer } from '../support/comment-server.js';
import { openEventStream } from '../support/event-stream.js';
import { freshPostgresSchemas } from '../support/postgres.js';
import { commentServerSuite } from './api-suite.js';
import { scaleSuite, setStatus } from './scale-suite.js';

const freshSchema = freshPostgresSchemas('comments');
commentServerSuite('PostgreSQL', freshSchema);
scaleSuite('PostgreSQL', freshSchema);

describe('live streams across server processes on one PostgreSQL', () => {
  it('every process delivers every event, whichever process made the change (LISTEN/NOTIFY)', async () => {
    const storage = await freshSchema();
    const [a, b] = [
      await startTestServer({ ...storage, moderation: 'none', floodSeconds: 0, moderationKeywords: ['later'] }),
      await startTestServer({ ...storage, moderation: 'none', floodSeconds: 0, moderationKeywords: ['later'] }),
    ];
    const streams = [await openEventStream(`${a.api}/comments/stream?post=3`), await openEventStream(`${b.api}/comments/stream?post=3`)];
    try {
      const onB = (await (await b.post(newComment({ post: 3 }))).json()) as WpComment;
      const held = (await (await a.post(newComment({ post: 3, content: 'Approve me later.' }))).json()) as WpComment;
      await setStatus(b, held.id, 'approved');
      for (const stream of streams) {
        const events = [await stream.next(), await stream.next()];
        assert.deepEqual(
          events.map((event) => [event.event, JSON.parse(event.data).id]),
          [
            ['comment', onB.id],
            ['comment', held.id],
          ],
        );
      }
      const [textA, textB] = streams.map((stream) => stream.text().replace(/: heartbeat\n\n/g, ''));
      assert.equal(textA, textB, 'the same events, with the same IDs');
    } finally {
      streams.forEach((stream) => stream.close());
      await Promise.all([a.close(), b.close()]);
    }
  });
});
