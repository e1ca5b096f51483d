// The comment server as a user gets it: the workspace packages packed with `npm pack`, installed from the tarballs
// into an empty folder with `npm install`, and its bin run from node_modules/.bin (what `npx newsroom-comment-server`
// runs), on SQLite and on PostgreSQL.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import type { WpComment } from 'newsroom-comment-protocol';
import { newComment, spawnServerProcess, type ServerProcess } from '../support/comment-server.js';
import { startPostgres, type TestPostgres } from '../support/postgres.js';

const run = promisify(execFile);
const root = new URL('../../../', import.meta.url).pathname;
const BIN = 'newsroom-comment-server';
// better-sqlite3 compiles from source when its prebuilt binary cannot be downloaded: minutes on a busy machine.
const INSTALL_TIMEOUT_MS = 15 * 60_000;
const TEST_TIMEOUT_MS = 2 * 60_000;

// npm passes its settings to scripts as npm_* variables (the workspace, the prefix): the user's npm must not see ours.
// The headers native addons compile against are the machine's, not ours: the LTS stage of run-all points them at
// the Node.js it runs on, and an install there must build better-sqlite3 for that Node.js.
const userEnv = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith('npm_') || name.toLowerCase() === 'npm_config_nodedir'),
);

async function npm(args: string[], cwd: string): Promise<string> {
  try {
    const { stdout } = await run('npm', args, { cwd, env: userEnv, maxBuffer: 16 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`npm ${args.join(' ')} failed:\n${stdout ?? ''}\n${stderr ?? ''}`, { cause: error });
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}

/** The bin as installed, with a fresh data folder per call unless one is given. */
function startInstalled(project: string, env: Record<string, string>): Promise<ServerProcess> {
  // An empty COMMENTS_ADMIN_TOKEN leaves the token to the server, which generates it and prints it once.
  return spawnServerProcess({ COMMENTS_ADMIN_TOKEN: '', ...env }, { file: join(project, 'node_modules/.bin', BIN), args: [], cwd: project });
}

const ADMIN_TOKEN_LINE = /^Admin token \(generated now[^)]*\): (\S+)$/m;

/** Resolves once the process has printed a line matching `pattern` (or rejects when it exits first). */
function printed(server: ServerProcess, pattern: RegExp): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const match = pattern.exec(server.output());
      if (!match) return;
      server.child.stdout?.off('data', check);
      resolve(match);
    };
    server.child.stdout?.on('data', check);
    server.exited.then((code) => reject(new Error(`exited (${code}) without printing ${pattern}:\n${server.output()}`)));
    check();
  });
}

/** Runs the bin until it exits by itself; resolves with its exit code and output. */
async function runUntilExit(project: string, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  try {
    const server = await startInstalled(project, env);
    server.child.kill('SIGTERM');
    await server.exited;
    return { code: null, output: `it started instead:\n${server.output()}` };
  } catch (error) {
    // spawnServerProcess rejects with everything printed when the process exits before listening.
    const output = (error as Error).message;
    return { code: Number(/^server exited \((\d+|null)\)/.exec(output)?.[1]), output };
  }
}

/** Posts, approves and reads a comment against the installed bin; then a SIGTERM, a restart, and the comment is there. */
async function roundTrip(project: string, env: Record<string, string>): Promise<void> {
  const first = await startInstalled(project, env);
  let restarted: ServerProcess | undefined;
  try {
    assert.match(first.output(), /^Comment server listening on http:\/\/127\.0\.0\.1:\d+ /m);
    // The first start prints the generated token, once (main.ts prints it just after the URL).
    const [, token] = await printed(first, ADMIN_TOKEN_LINE);
    const api = `${first.url}/wp-json/wp/v2`;
    const body = newComment({ content: `Installed from the tarball, pid ${process.pid}.` });
    const posted = await fetch(`${api}/comments`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    assert.equal(posted.status, 201);
    const created = (await posted.json()) as WpComment;
    assert.equal(created.status, 'hold', 'a first-time commenter waits for moderation');
    assert.deepEqual(await (await fetch(`${api}/comments?post=${body.post}`)).json(), [], 'held comments are not public');

    const refused = await fetch(`${api}/comments/${created.id}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"status":"approve"}' });
    assert.equal(refused.status, 401, 'approving needs the admin token');
    const approved = await fetch(`${api}/comments/${created.id}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: '{"status":"approve"}',
    });
    assert.equal(approved.status, 200);
    const listed = (await (await fetch(`${api}/comments?post=${body.post}`)).json()) as WpComment[];
    assert.deepEqual(
      listed.map(({ id, content }) => ({ id, text: content.rendered })),
      [{ id: created.id, text: created.content.rendered }],
    );

    first.child.kill('SIGTERM');
    assert.equal(await first.exited, 0, `SIGTERM exits 0:\n${first.output()}`);

    restarted = await startInstalled(project, env);
    const again = (await (await fetch(`${restarted.url}/wp-json/wp/v2/comments?post=${body.post}`)).json()) as WpComment[];
    assert.deepEqual(
      again.map(({ id }) => id),
      [created.id],
      'the comment is still there after the restart',
    );
    restarted.child.kill('SIGTERM');
    assert.equal(await restarted.exited, 0, restarted.output());
    assert.doesNotMatch(restarted.output(), ADMIN_TOKEN_LINE, 'the stored token is not shown again');
  } finally {
    for (const server of [first, restarted]) if (server && server.child.exitCode === null) server.child.kill('SIGTERM');
    await Promise.all([first.exited, restarted?.exited]);
  }
}

describe(`${BIN} installed from its tarball`, () => {
  const work = mkdtempSync(join(tmpdir(), 'comment-server-installed-'));
  const project = join(work, 'project');
  const dataDir = (name: string) => join(work, `data-${name}`);
  let cluster: TestPostgres | undefined;

  before(
    async () => {
      const tarballs = join(work, 'tarballs');
      mkdirSync(tarballs);
      await npm(['pack', '--workspace', 'newsroom-comment-protocol', '--workspace', BIN, '--pack-destination', tarballs], root);
      const packed = readdirSync(tarballs).filter((name) => name.endsWith('.tgz'));
      assert.equal(packed.length, 2, `one tarball per package: ${packed.join(', ')}`);
      // An empty folder, as a user's project starts: only what the tarballs and the registry bring.
      mkdirSync(project);
      writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'user-project', private: true })}\n`);
      await npm(['install', '--no-audit', '--no-fund', ...packed.map((name) => join(tarballs, name))], project);
    },
    { timeout: INSTALL_TIMEOUT_MS },
  );
  after(() => {
    cluster?.destroy();
    rmSync(work, { recursive: true, force: true });
  });

  test('ships compiled JavaScript with declarations and the moderation page, and installs no TypeScript runner', () => {
    const installed = join(project, 'node_modules', BIN);
    const files = filesUnder(installed);
    assert.deepEqual(
      files.filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts')),
      [],
      'no TypeScript sources',
    );
    for (const file of ['dist/main.js', 'dist/index.js', 'dist/index.d.ts', 'dist/admin/admin.html', 'dist/admin/admin.js', 'dist/admin/admin.css']) {
      assert.ok(files.includes(file), `${file} is shipped`);
    }
    assert.match(readFileSync(join(installed, 'dist/main.js'), 'utf8'), /^#!\/usr\/bin\/env node\n/);
    for (const runner of ['tsx', 'typescript', 'pg']) {
      assert.equal(existsSync(join(project, 'node_modules', runner)), false, `${runner} is not installed`);
    }
  });

  test('the bin prints its URL and admin token; POST, approve and GET work; SIGTERM exits 0 and the comment stays (SQLite)', { timeout: TEST_TIMEOUT_MS }, () =>
    roundTrip(project, { DATA_DIR: dataDir('sqlite') }),
  );

  test('import and export run from the installed bin: the WordPress 6.1 export in, JSON Lines out', { timeout: TEST_TIMEOUT_MS }, async () => {
    const bin = join(project, 'node_modules/.bin', BIN);
    const env = { ...userEnv, DATA_DIR: dataDir('transfer') };
    const imported = await run(bin, ['import', '--format', 'wxr', join(root, 'test/fixtures/wxr/wordpress-6.1.xml'), '--json'], { cwd: project, env });
    const report = JSON.parse(imported.stdout) as { imported: number; refused: number };
    assert.deepEqual([report.imported, report.refused], [8, 1]);
    const exported = await run(bin, ['export', '--format', 'jsonl'], { cwd: project, env });
    assert.equal(exported.stdout.split('\n').filter(Boolean).length, 8);
    assert.match(exported.stderr, /^Exported 8 comments \(jsonl\)/);
  });

  test('a bad environment value stops the bin with a message naming the variable', { timeout: TEST_TIMEOUT_MS }, async () => {
    const { code, output } = await runUntilExit(project, { PORT: 'abc', DATA_DIR: dataDir('bad-port') });
    assert.notEqual(code, 0, output);
    assert.ok(Number.isInteger(code), output);
    assert.match(output, /Invalid setting: PORT must be an integer/);
  });

  test('DATABASE_URL without the optional pg driver stops the bin with a message naming the fix', { timeout: TEST_TIMEOUT_MS }, async () => {
    const { code, output } = await runUntilExit(project, { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none', DATA_DIR: dataDir('no-pg') });
    assert.notEqual(code, 0, output);
    assert.ok(Number.isInteger(code), output);
    assert.match(output, /DATABASE_URL needs the PostgreSQL driver.*npm install pg/);
  });

  test('the programmatic API and its types work from the installed package', { timeout: TEST_TIMEOUT_MS }, async () => {
    const script = `
      import { createCommentApp, startServer } from '${BIN}';
      const server = await startServer({ port: 0, dataDir: ${JSON.stringify(dataDir('api'))}, adminToken: 'api-test-token-0123456789' });
      const response = await fetch(server.url + '/wp-json/wp/v2/comments?post=1');
      await server.close();
      console.log(JSON.stringify({ createCommentApp: typeof createCommentApp, status: response.status, header: response.headers.get('x-comment-server') }));`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '--eval', script], { cwd: project });
    assert.deepEqual(JSON.parse(stdout), { createCommentApp: 'function', status: 200, header: 'newsroom-elements' });

    // The declarations resolve for a TypeScript user: options type, functions, and the protocol package's types.
    writeFileSync(
      join(project, 'check.mts'),
      `import { startServer, type CommentServerOptions } from '${BIN}';
import type { WpComment } from 'newsroom-comment-protocol';
const options: CommentServerOptions = { port: 0, moderation: 'all' };
const server = await startServer(options);
const url: string = server.url;
const comments: WpComment[] = await (await fetch(url)).json();
console.log(comments.map((comment) => comment.content.rendered));
// @ts-expect-error an unknown moderation mode is a type error
const wrong: CommentServerOptions = { moderation: 'sometimes' };
console.log(wrong);
`,
    );
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { target: 'ES2022', module: 'NodeNext', strict: true, noEmit: true, skipLibCheck: true, types: ['node'], typeRoots: [join(root, 'node_modules/@types')] },
        files: ['check.mts'],
      }),
    );
    await run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: project }).catch((error: { stdout?: string }) => {
      throw new Error(`tsc found errors in a user's code:\n${error.stdout ?? ''}`, { cause: error });
    });
  });

  test('with pg installed beside it, the same on PostgreSQL (DATABASE_URL)', { timeout: INSTALL_TIMEOUT_MS }, async () => {
    // The version the repository tests with, from the lockfile, so the registry (or npm's cache) serves a known one.
    const { version } = JSON.parse(readFileSync(join(root, 'node_modules/pg/package.json'), 'utf8')) as { version: string };
    await npm(['install', '--no-audit', '--no-fund', `pg@${version}`], project);
    cluster = await startPostgres();
    const databaseUrl = await cluster.createDatabase('installed_server');
    await roundTrip(project, { DATABASE_URL: databaseUrl, DATA_DIR: dataDir('postgres') });
  });
});
