// `npm start`: builds the page script, renders the article and serves it with the comment server.
import { startDemo } from './server.js';

try {
  const { url, app } = await startDemo();
  console.log(`Demo article: ${url}/ (French: ${url}/fr/, Ukrainian: ${url}/uk/)`);
  console.log(`Comment API: ${url}/wp-json/wp/v2/comments · moderation: ${url}/admin`);
  const stop = () => void app.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error(`Could not start the demo: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
