// `npm run bench [-- size|render|layout-shift|comments|server ...]`: measures, compares with the anchors, writes
// bench/results/latest.json and latest.md, prints the tables, and exits 1 when a goal of the issues is missed.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { commentsMarkdown, measureComments } from './comments.mjs';
import { commentsGoals, goalsMarkdown, layoutShiftGoals, renderGoals, shareCardGoals, sizeGoals } from './goals.mjs';
import { layoutShiftMarkdown, measureLayoutShift } from './layout-shift.mjs';
import { fromRoot } from './lib/elements.mjs';
import { measureRender, renderMarkdown } from './render.mjs';
import { measureShareCards, shareCardMarkdown } from './share-card.mjs';
import { measureSizes, sizeMarkdown } from './size.mjs';

const PARTS = ['size', 'render', 'layout-shift', 'comments', 'share-card', 'server'];
const wanted = process.argv.slice(2).filter((arg) => PARTS.includes(arg));
const wants = (part) => wanted.length === 0 || wanted.includes(part);

const results = { date: new Date().toISOString(), node: process.version };
const sections = [];
const goals = [];
let failed = false;

if (wants('size')) {
  results.size = await measureSizes();
  goals.push(...sizeGoals(results.size));
  sections.push('## Size (KiB; esbuild, minified; Lit counted once)', sizeMarkdown(results.size));
}
if (wants('render')) {
  results.render = await measureRender();
  goals.push(...renderGoals(results.render));
  sections.push('## Render (headless Chromium; medians of per-round ratios, same page)', renderMarkdown(results.render));
}
if (wants('layout-shift')) {
  results.layoutShift = await measureLayoutShift();
  goals.push(...layoutShiftGoals(results.layoutShift));
  sections.push('## Layout shift', layoutShiftMarkdown(results.layoutShift));
}
if (wants('comments')) {
  results.comments = await measureComments();
  goals.push(...commentsGoals(results.comments));
  sections.push('## Comment section', commentsMarkdown(results.comments));
}
if (wants('share-card')) {
  results.shareCard = await measureShareCards();
  goals.push(...shareCardGoals(results.shareCard));
  sections.push('## Image cards (headless Chromium; draw and PNG encoding)', shareCardMarkdown(results.shareCard));
}
// The comment server's throughput benchmark is its own script; it prints its table and sets its exit code.
if (wants('server') && existsSync(fromRoot('bench/server.mjs'))) {
  const server = spawnSync(process.execPath, ['--import', 'tsx', fromRoot('bench/server.mjs')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  results.server = { output: server.stdout, status: server.status };
  sections.push('## Comment server', server.stdout.trim());
  if (server.status !== 0) failed = true;
}

sections.push('## Goals', goalsMarkdown(goals));
const markdown = `# Benchmarks, ${results.date}\n\n${sections.join('\n\n')}\n`;
mkdirSync(fromRoot('bench/results'), { recursive: true });
writeFileSync(fromRoot('bench/results/latest.json'), `${JSON.stringify({ ...results, goals }, null, 2)}\n`);
writeFileSync(fromRoot('bench/results/latest.md'), markdown);
console.log(markdown);

const missed = goals.filter((goal) => !goal.pass);
console.log(`${goals.length - missed.length} goals met, ${missed.length} missed${missed.length ? `: ${missed.map((goal) => goal.id).join(', ')}` : ''}`);
process.exitCode = missed.length > 0 || failed ? 1 : 0;
