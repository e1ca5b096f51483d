// The library's elements, discovered from src/components (a folder with a define.ts is an element), and the
// anchors: the nearest equivalents a newsroom would pick instead, from Web Awesome and Shoelace.
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const fromRoot = (...path) => resolve(ROOT, ...path);

/** Tags of the elements that exist now, sorted. */
export function discoverElements() {
  const dir = fromRoot('src/components');
  return readdirSync(dir)
    .filter((tag) => existsSync(resolve(dir, tag, 'define.ts')))
    .sort();
}

/** The display elements of issue 8's "four display elements together" goal. */
export const DISPLAY_ELEMENTS = ['stat-callout', 'fact-box', 'pull-quote', 'speaker-caption'];

const WA = (name) => `@awesome.me/webawesome/dist/components/${name}/${name}.js`;
const SL = (name) => `@shoelace-style/shoelace/dist/components/${name}/${name}.js`;

/**
 * Size anchors: for each of our elements, the components a newsroom would combine to get the same thing from Web
 * Awesome (`wa`) and Shoelace (`sl`). An element must be smaller than its Web Awesome anchor.
 */
export const SIZE_ANCHORS = {
  'stat-callout': { wa: ['callout', 'format-number'], sl: ['card', 'format-number'] },
  'fact-box': { wa: ['details'], sl: ['details'] },
  'pull-quote': { wa: ['copy-button'], sl: ['copy-button'] },
  'speaker-caption': { wa: ['avatar'], sl: ['avatar'] },
  'social-follow': { wa: ['icon'], sl: ['icon-button'] },
  'comment-toggle': { wa: ['button'], sl: ['button'] },
  'comment-list': { wa: ['relative-time'], sl: ['relative-time'] },
  'comment-form': { wa: ['input', 'textarea', 'button'], sl: ['input', 'textarea', 'button'] },
};

export const anchorModules = (library, names) => names.map((name) => (library === 'wa' ? WA(name) : SL(name)));

/** The anchors' theme stylesheets, which their components need to look right (ours need none). */
export const THEME_CSS = {
  'Web Awesome (default theme)': '@awesome.me/webawesome/dist/styles/themes/default.css',
  'Shoelace (light theme)': '@shoelace-style/shoelace/dist/themes/light.css',
};
