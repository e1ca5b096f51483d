#!/usr/bin/env node
// The `newsroom-comment-server` bin (from source: `npm run server`): the comment server alone, configured by
// environment variables (see docs/comment-server.md); `import` and `export` move comments in and out
// (docs/import-export.md).
import { ConfigError } from './config.js';
import { startServer } from './app.js';

async function main(): Promise<void> {
  // Run alone, the server logs unless LOG=false says otherwise.
  const server = await startServer({}, { env: { LOG: 'true', ...process.env } });
  console.log(`Comment server listening on ${server.url} (${server.storage}); moderation page: ${server.url}/admin`);
  // The operator sees a generated token exactly once, on the first start.
  const generated = server.generatedAdminToken;
  if (generated) {
    console.log(`Admin token (generated now, stored in ${generated.file}; it will not be shown again): ${generated.token}`);
  }
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    server.app.log.info({ signal }, 'draining requests and closing the database');
    // Fastify stops accepting connections and closes idle ones, gives requests in flight the grace period, closes
    // whatever is left, then the onClose hook closes the database.
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

async function command(argv: string[]): Promise<void> {
  const { runCommand } = await import('./cli.js');
  process.exitCode = await runCommand(argv, process.env, process);
}

const argv = process.argv.slice(2);
(argv[0] === 'import' || argv[0] === 'export' ? command(argv) : main()).catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`Invalid setting: ${error.message}`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
