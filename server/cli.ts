// The `import` and `export` commands of the `newsroom-comment-server` bin (docs/import-export.md). They open the same
// database the server uses (DATA_DIR or DATABASE_URL, from the environment) and may run while it serves.
import { createWriteStream, readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { openStorage } from './app.js';
import { ConfigError, resolveOptions } from './config.js';
import type { CommentStorage } from './storage/port.js';
import { readDisqus } from './transfer/disqus.js';
import { exportJsonLines, exportWxr } from './transfer/export.js';
import { type ImportReport, importFile } from './transfer/importer.js';
import { type PostMapping, PostMappingError, mapMapping, templateMapping } from './transfer/posts.js';
import type { SourceReader } from './transfer/source.js';
import { readWxr } from './transfer/wxr.js';
import { XmlRefused } from './transfer/xml.js';

export const COMMANDS = ['import', 'export'] as const;

const USAGE = `Usage:
  newsroom-comment-server import --format wxr|disqus FILE [--post-map MAP.json | --post-id-from TEMPLATE] [--json]
  newsroom-comment-server export --format wxr|jsonl [--output FILE]

The database is the server's: DATA_DIR (SQLite, default ./data) or DATABASE_URL (PostgreSQL).
Exports include authors' email and IP addresses: they are the operator's copy of the data.
See docs/import-export.md.`;

const READERS: Record<string, SourceReader> = { wxr: readWxr, disqus: readDisqus };

/** A mistake in the command line: the message and the usage are shown, exit status 2. */
class UsageError extends Error {}

export interface CommandOutput {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
/** The most memory the process has held (resident set), as the kernel counted it. */
const peakRss = (): number => process.resourceUsage().maxRSS * 1024;

/** Runs `import` or `export` with its arguments; resolves with the exit status. */
export async function runCommand(argv: readonly string[], env: NodeJS.ProcessEnv, output: CommandOutput): Promise<number> {
  const say = (stream: NodeJS.WritableStream, text: string) => stream.write(`${text}\n`);
  try {
    const [command, ...rest] = argv;
    if (command === 'import') return await importCommand(rest, env, output);
    if (command === 'export') return await exportCommand(rest, env, output);
    throw new UsageError(`unknown command "${command}"`);
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      say(output.stderr, `${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof ConfigError || error instanceof PostMappingError) {
      say(output.stderr, `Invalid setting: ${error.message}`);
      return 2;
    }
    throw error;
  }
}

async function withStorage<T>(env: NodeJS.ProcessEnv, work: (storage: CommentStorage) => Promise<T>): Promise<T> {
  const settings = resolveOptions({}, env);
  const storage = await openStorage(settings.databaseUrl, settings.dataDir);
  try {
    return await work(storage);
  } finally {
    await storage.close();
  }
}

async function importCommand(argv: readonly string[], env: NodeJS.ProcessEnv, output: CommandOutput): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      'post-map': { type: 'string' },
      'post-id-from': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const read = values.format !== undefined && Object.hasOwn(READERS, values.format) ? READERS[values.format] : undefined;
  if (!read) throw new UsageError('import needs --format wxr or --format disqus');
  if (positionals.length !== 1) throw new UsageError('import needs exactly one FILE');
  const [file] = positionals;
  if (values['post-map'] !== undefined && values['post-id-from'] !== undefined) {
    throw new UsageError('give --post-map or --post-id-from, not both');
  }
  let posts: PostMapping = { kind: 'id' };
  const mapFile = values['post-map'];
  if (mapFile !== undefined) {
    let json: string;
    try {
      json = readFileSync(mapFile, 'utf8');
    } catch (error) {
      throw new PostMappingError(`cannot read the post map ${mapFile}: ${(error as Error).message}`);
    }
    posts = mapMapping(json, mapFile);
  }
  if (values['post-id-from'] !== undefined) posts = templateMapping(values['post-id-from']);

  let report: ImportReport;
  try {
    report = await withStorage(env, (storage) => importFile(storage, read, file, posts));
  } catch (error) {
    if (!(error instanceof XmlRefused) && (error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const message = `Refused ${file}: ${(error as Error).message}. Nothing was imported.`;
    if (values.json) output.stdout.write(`${JSON.stringify({ error: message, peakRssBytes: peakRss() })}\n`);
    output.stderr.write(`${message}\n`);
    return 1;
  }
  if (values.json) {
    output.stdout.write(`${JSON.stringify({ ...report, peakRssBytes: peakRss() })}\n`);
    return 0;
  }
  const lines = [
    `Imported ${file} (${values.format}):`,
    `  ${report.read} comments in the file`,
    `  ${report.imported} imported`,
    `  ${report.alreadyThere} already there (imported before)`,
    `  ${report.refused} refused${report.refused > 0 ? ':' : ''}`,
    ...report.refusals.map((refusal) => `    line ${refusal.line}, comment ${refusal.sourceId}: ${refusal.message}`),
    ...(report.refused > report.refusals.length ? [`    … and ${report.refused - report.refusals.length} more`] : []),
    ...(report.fieldsDropped > 0 ? [`  ${report.fieldsDropped} imported without a malformed email or website address`] : []),
    ...(report.orphans > 0 ? [`  ${report.orphans} replies whose parent was not imported are shown as top-level comments`] : []),
    `  peak memory ${megabytes(peakRss())}`,
  ];
  output.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

async function exportCommand(argv: readonly string[], env: NodeJS.ProcessEnv, output: CommandOutput): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { format: { type: 'string' }, output: { type: 'string' } },
  });
  if (values.format !== 'wxr' && values.format !== 'jsonl') throw new UsageError('export needs --format wxr or --format jsonl');
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}" (write to a file with --output FILE or >)`);
  const settings = resolveOptions({}, env);
  const started = Date.now();
  let count = 0;
  await withStorage(env, async (storage) => {
    const onComment = () => (count += 1);
    const chunks = values.format === 'wxr' ? exportWxr(storage, { postLink: settings.postLink, onComment }) : exportJsonLines(storage, { onComment });
    // Written as it is read: the destination's back-pressure paces the database reads.
    await pipeline(Readable.from(chunks), values.output !== undefined ? createWriteStream(values.output) : output.stdout, {
      end: values.output !== undefined,
    });
  });
  output.stderr.write(
    `Exported ${count} comments (${values.format}) in ${((Date.now() - started) / 1000).toFixed(1)} s; peak memory ${megabytes(peakRss())}\n`,
  );
  return 0;
}
