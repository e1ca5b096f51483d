// `npm start`: builds the page script, renders the article and serves it with the comment server.
import { startDemo } from './app.js';

try {
  const { url, app, generatedAdminToken } = await startDemo();
  // Loopback is shown as "localhost", the address a newcomer types.
  const shown = url.replace(/^http:\/\/(127\.0\.0\.1|\[::1\]):/, 'http://localhost:');
  console.log(`Demo article: ${shown}/ (French: ${shown}/fr/, Ukrainian: ${shown}/uk/)`);
  console.log(`Comment API: ${shown}/wp-json/wp/v2/comments · moderation: ${shown}/admin`);
  if (generatedAdminToken) {
    console.log(`Admin token (generated now, stored in ${generatedAdminToken.file}; it will not be shown again): ${generatedAdminToken.token}`);
  }
  const stop = () => void app.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error(`Could not start the demo: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
