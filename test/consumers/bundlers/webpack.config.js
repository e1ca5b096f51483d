// webpack 5 in production mode over the entries the test writes to entries/ (one per way of importing the package).
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';

const here = import.meta.dirname;

export default {
  mode: 'production',
  context: here,
  entry: Object.fromEntries(readdirSync(resolve(here, 'entries')).map((file) => [file.replace(/\.js$/, ''), `./entries/${file}`])),
  output: { path: resolve(here, 'dist/webpack'), filename: '[name].js', chunkFilename: 'chunks/[name]-[contenthash].js', clean: true },
  stats: 'errors-warnings',
};
