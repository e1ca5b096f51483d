// `node --import tsx bench/import-memory.mjs`: memory of `import` on 100 MB files (issue 18). A valid WXR file of
// about 100 MB (4,000 comments of 20,000 characters, French and Ukrainian) imported into an empty SQLite database
// with the default heap and under a 48 MB V8 heap limit (where a command holding the file would fail), against a
// 1 MB file; and a hostile 100 MB file whose one comment is a single text node, which is refused. Peak RSS is the
// command's own report (getrusage). Writes bench/results/import-memory.json.
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateOneHugeText, generateWxr } from '../test/node/support/wxr-files.ts';
import { load, peakMegabytes, runTransfer } from './lib/transfer-cli.mjs';

const root = new URL('../', import.meta.url).pathname;
const HEAP_LIMIT = ['--max-old-space-size=48', '--max-semi-space-size=1'];
const work = mkdtempSync(join(tmpdir(), 'bench-import-'));

try {
  const files = {
    '1 MB WXR': join(work, 'small.xml'),
    '100 MB WXR': join(work, 'large.xml'),
    '100 MB single text node': join(work, 'hostile.xml'),
  };
  await generateWxr(files['1 MB WXR'], 40, 20_000);
  await generateWxr(files['100 MB WXR'], 4000, 20_000);
  await generateOneHugeText(files['100 MB single text node'], 100 * 1024 * 1024);
  const rows = [];
  for (const [name, file] of Object.entries(files)) {
    for (const [heap, node] of [['default heap', []], ['48 MB heap', HEAP_LIMIT]]) {
      const dataDir = mkdtempSync(join(work, 'data-'));
      const run = await runTransfer(['import', '--format', 'wxr', file, '--json'], { dataDir, node });
      const report = JSON.parse(run.stdout);
      const row = {
        file: name,
        fileMb: Math.round(statSync(file).size / 1024 / 1024),
        heap,
        exitCode: run.code,
        ...(report.error ? { refused: report.error.replace(/^Refused \S+: /, '') } : { imported: report.imported }),
        peakRssMb: peakMegabytes(run),
        seconds: Number(run.seconds.toFixed(1)),
        load: load(),
      };
      rows.push(row);
      console.log(JSON.stringify(row));
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(join(root, 'bench/results/import-memory.json'), `${JSON.stringify({ rows }, null, 2)}\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
