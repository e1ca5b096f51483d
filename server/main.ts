#!/usr/bin/env node
// The `newsroom-comment-server` bin (from source: `npm run server`): the comment server alone, configured by
// environment variables (see README "Run the comment server").
import { ConfigError, loadAdminToken, resolveOptions } from './config.js';
import { startServer } from './app.js';

async function main(): Promise<void> {
  // Run alone, the server logs unless LOG=false says otherwise.
  const settings = resolveOptions({}, { LOG: 'true', ...process.env });
  // Loaded here so the operator sees a generated token exactly once, on the first start.
  const admin = loadAdminToken(settings.adminToken, settings.dataDir);
  const server = await startServer({ ...settings, adminToken: admin.token });
  const storage = settings.databaseUrl ? 'PostgreSQL' : `SQLite in ${settings.dataDir}`;
  console.log(`Comment server listening on ${server.url} (${storage}); moderation page: ${server.url}/admin`);
  if (admin.generated) {
    console.log(`Admin token (generated now, stored in ${admin.file}; it will not be shown again): ${admin.token}`);
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

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`Invalid setting: ${error.message}`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
