// A large SQLite comment database for the benchmarks, seeded in one statement: 50 comments a post, every fifth one a
// reply, every seventh one held, mixed French and Ukrainian text of about 200 characters. Rows get their duplicate and
// flood keys, as the server writes them (rows without them would be backfilled when the server opens the database).
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openSqliteStorage } from '../../server/storage/sqlite.ts';

/** Creates (and migrates) `dataDir/comments.db` with `count` comments; returns the seconds the seeding took. */
export function seedComments(dataDir, count) {
  openSqliteStorage(join(dataDir, 'comments.db')).close();
  const db = new Database(join(dataDir, 'comments.db'));
  const started = performance.now();
  db.prepare(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
     INSERT INTO comments (id, post, parent, author_name, author_email, author_url, author_ip, content, status, created_at,
       sender, duplicate_key)
     SELECT i, (i - 1) / 50 + 1, CASE WHEN i % 5 = 0 THEN i - 1 ELSE 0 END, 'Lecteur ' || i, 'reader' || i || '@example.com',
       '', '192.0.2.' || (i % 250), 'Le conseil a voté le budget; Рада ухвалила бюджет, коментар ' || i || '. ' ||
       replace(hex(zeroblob(12)), '00', 'Ça va. Так. '), CASE WHEN i % 7 = 0 THEN 'hold' ELSE 'approved' END,
       1600000000000 + i * 1000, '192.0.2.' || (i % 250), 'seeded ' || i
     FROM n`,
  ).run(count);
  db.close();
  return (performance.now() - started) / 1000;
}
