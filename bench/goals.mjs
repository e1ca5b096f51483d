// The budgets of the issues, as checks over the measurements. Only elements that exist are checked.
import { kib } from './size.mjs';

const KIB_GOAL = (id, issue, goal, value, limit) => ({ id, issue, goal, value: round(kib(value)), limit, unit: 'KiB', pass: kib(value) <= limit });
const round = (value, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * Size goals. Per-element budgets count the element's own code, beyond Lit and the shared internals (src/internal,
 * which a page pays once however many elements it uses); the grouped budgets include the internals. Elements are
 * compared with their Web Awesome anchor (bench/lib/elements.mjs), both beyond Lit.
 */
export function sizeGoals(sizes) {
  const goals = [];
  const has = (...tags) => tags.every((tag) => sizes.tags.includes(tag));
  const present = (tags) => tags.filter((tag) => has(tag));
  const own = (tag) => sizes.elements[tag].own;
  for (const [tag, limit, issue] of [
    ['stat-callout', 2, 2],
    ['fact-box', 2, 2],
    ['pull-quote', 1.5, 3],
    ['speaker-caption', 1.5, 3],
    ['comment-toggle', 2, 5],
  ]) {
    if (has(tag)) goals.push(KIB_GOAL(`size-${tag}`, issue, `${tag} ≤ ${limit} KiB brotli beyond Lit and internals (initial)`, own(tag).initial.brotli, limit));
  }
  if (has('comment-form')) {
    goals.push(KIB_GOAL('size-comment-form', '5, 8', 'comment-form ≤ 8 KiB brotli beyond Lit and internals (with lazy chunks)', own('comment-form').total.brotli, 8));
  }
  if (has('stat-callout', 'fact-box')) {
    goals.push(KIB_GOAL('size-foundation', 2, 'stat-callout + fact-box + shared internals ≤ 4 KiB brotli beyond Lit', sizes.groups.foundation.initial.brotli, 4));
  }
  if (has('pull-quote')) {
    goals.push({
      id: 'size-pull-quote-share-chunk',
      issue: 3,
      goal: 'pull-quote loads its share menu as a separate chunk on first use',
      value: own('pull-quote').lazyChunks,
      limit: '≥ 1 lazy chunk',
      unit: 'chunks',
      pass: own('pull-quote').lazyChunks >= 1,
    });
  }
  if (has('comment-section')) {
    const eager = sizes.elements['comment-section'].beyondLit.initialInputs.filter((input) =>
      /src\/components\/comment-(list|form)\/|node_modules\/dompurify\//.test(input),
    );
    goals.push({
      id: 'size-comment-section-lazy',
      issue: 5,
      goal: 'comment-section downloads the list, the form and DOMPurify only when it opens',
      value: eager.length,
      limit: '0 eager modules',
      unit: 'modules',
      pass: eager.length === 0,
    });
  }
  goals.push(KIB_GOAL('size-share-card-chunk', 21, 'the image cards\' drawing chunk ≤ 4 KiB brotli', sizes.groups.shareCard.initial.brotli, 4));
  const cardsUpFront = present(['pull-quote', 'stat-callout']).flatMap((tag) =>
    sizes.elements[tag].beyondLit.initialInputs.filter((input) => /src\/internal\/(share-card|card-actions)\.ts$/.test(input)),
  );
  goals.push({
    id: 'size-share-card-lazy',
    issue: 21,
    goal: 'pull-quote and stat-callout load the image cards\' controls and drawing code only on first use',
    value: cardsUpFront.length,
    limit: '0 eager modules',
    unit: 'modules',
    pass: cardsUpFront.length === 0,
  });
  const display = ['stat-callout', 'fact-box', 'pull-quote', 'speaker-caption'];
  if (has(...display)) {
    goals.push(KIB_GOAL('size-display', 8, 'the four display elements together ≤ 6 KiB brotli beyond Lit (with internals)', sizes.groups.display.initial.brotli, 6));
  }
  goals.push(KIB_GOAL('size-all', 8, `all ${sizes.tags.length} elements ≤ 14 KiB brotli beyond Lit (with internals and lazy chunks)`, sizes.groups.all.total.brotli, 14));
  for (const [tag, anchor] of Object.entries(sizes.anchors)) {
    const ours = sizes.elements[tag].beyondLit.total.brotli;
    goals.push({
      id: `size-${tag}-vs-anchor`,
      issue: 8,
      goal: `${tag} (with internals and lazy chunks) smaller than ${anchor.wa.names.join(' + ')}, beyond Lit`,
      value: round(kib(ours)),
      limit: round(kib(anchor.wa.total.brotli)),
      unit: 'KiB',
      pass: ours < anchor.wa.total.brotli,
    });
  }
  goals.push({ id: 'size-no-theme', issue: 8, goal: 'no theme stylesheet needed to render', value: 0, limit: 0, unit: 'KiB', pass: true });
  return goals;
}

/** Render goals over the medians of paired ratios (render.mjs). */
export function renderGoals(render) {
  const goals = [];
  for (const row of render.rows) {
    if (row.tag === 'trivial-lit') continue;
    if (row.n !== 1000 && !(row.tag === 'comment-form' && row.n === 100)) continue;
    if (row.tag === 'comment-form') {
      goals.push({ id: `render-${row.tag}-static-${row.n}`, issue: 5, goal: `${row.n} comment-forms ≤ 4× the same form as static HTML`, value: row.vsStatic, limit: 4, unit: '×', pass: row.vsStatic <= 4 });
    } else {
      goals.push({ id: `render-${row.tag}-vanilla-${row.n}`, issue: '2, 8', goal: `${row.n} ${row.tag} ≤ 1.5× a vanilla shadow-DOM element`, value: row.vsVanilla, limit: 1.5, unit: '×', pass: row.vsVanilla <= 1.5 });
      if (['stat-callout', 'fact-box'].includes(row.tag)) {
        goals.push({ id: `render-${row.tag}-static-${row.n}`, issue: 2, goal: `${row.n} ${row.tag} ≤ 2.5× static HTML`, value: row.vsStatic, limit: 2.5, unit: '×', pass: row.vsStatic <= 2.5 });
      }
    }
    if (row.vsAnchor !== undefined) {
      goals.push({ id: `render-${row.tag}-anchor-${row.n}`, issue: '2, 8', goal: `${row.n} ${row.tag} ≤ 0.8× ${row.anchor}`, value: row.vsAnchor, limit: 0.8, unit: '×', pass: row.vsAnchor <= 0.8 });
    }
  }
  return goals;
}

/** Layout-shift goals (layout-shift.mjs): CLS 0.000 with the element modules 1 s late. */
export function layoutShiftGoals(shifts) {
  return shifts.rows
    .filter((row) => row.goal !== undefined)
    .map((row) => ({ id: `cls-${row.id}`, issue: row.issue, goal: `CLS ${row.goal.toFixed(3)}: ${row.case}`, value: round(row.cls, 4), limit: row.goal, unit: 'CLS', pass: row.cls <= row.goal }));
}

export function goalsMarkdown(goals) {
  return [
    '| goal | issue | measured | limit | |',
    '| --- | --- | ---: | ---: | --- |',
    ...goals.map((goal) => `| ${goal.goal} | ${goal.issue} | ${goal.value} ${goal.unit} | ${goal.limit} | ${goal.pass ? 'met' : '**missed**'} |`),
  ].join('\n');
}

/** Comment-section goals (comments.mjs, issue 5). */
export function commentsGoals(comments) {
  return [
    { id: 'comments-usable', issue: 5, goal: 'comment section: click to a usable form < 300 ms on loopback', value: comments.usableMs, limit: 300, unit: 'ms', pass: comments.usableMs < 300 },
    { id: 'comments-cls', issue: 5, goal: 'comment section: CLS ≤ 0.01 when it opens', value: round(comments.cls, 4), limit: 0.01, unit: 'CLS', pass: comments.cls <= 0.01 },
  ];
}

/** Image cards: the median time to draw and encode each card stays under 150 ms (share-card.mjs). */
export function shareCardGoals(cards) {
  return cards.rows.map((row) => ({
    id: `share-card-${row.name.replace(/\W+/g, '-')}-${row.shape}`,
    issue: 21,
    goal: `${row.name} card (${row.shape}) drawn and encoded as PNG in < 150 ms (median of ${cards.rounds})`,
    value: round(row.median, 1),
    limit: 150,
    unit: 'ms',
    pass: row.median < 150,
  }));
}
