import type { Preview } from '@storybook/web-components-vite';
import { ElementDocs } from './element-docs.js';
import { argTypesOf, descriptionOf } from './manifest.js';

// No element is registered here: each story file imports the elements it shows, as a page would, so that what an
// element loads lazily (comment-section's list and form) is seen loading.

const BACKGROUND = { light: '#fff', dark: '#1b1917' };
const TEXT = { light: '#1b1917', dark: '#eee' };

const preview: Preview = {
  tags: ['autodocs'],
  globalTypes: {
    lang: {
      description: 'Language of the element (the nearest lang attribute)',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'fr', title: 'Français' },
          { value: 'uk', title: 'Українська' },
        ],
        dynamicTitle: true,
      },
    },
    scheme: {
      description: 'color-scheme of the page (the elements follow it through light-dark())',
      toolbar: {
        title: 'Colour scheme',
        icon: 'contrast',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { lang: 'en', scheme: 'light' },
  decorators: [
    // The language and colour scheme go on the page (a story on its own) or on the story's own box (on a Docs page),
    // not on a wrapper element, so that "Show code" shows the story's markup exactly.
    (story, { globals, canvasElement, viewMode }) => {
      const scheme: 'light' | 'dark' = globals.scheme === 'dark' ? 'dark' : 'light';
      const target = viewMode === 'docs' ? canvasElement : document.documentElement;
      target.lang = globals.lang ?? 'en';
      Object.assign(target.style, { colorScheme: scheme, background: BACKGROUND[scheme], color: TEXT[scheme] });
      if (viewMode === 'docs') canvasElement.style.padding = '1rem';
      return story();
    },
  ],
  parameters: {
    // The root opens the Introduction.
    options: { storySort: { order: ['Introduction', 'Getting started', 'Frameworks', 'Guides', 'Elements', 'About'] } },
    controls: { expanded: true },
    docs: {
      page: ElementDocs,
      // The elements' argTypes and descriptions come from custom-elements.json, read by ./manifest.ts.
      extractArgTypes: argTypesOf,
      extractComponentDescription: descriptionOf,
      source: { excludeDecorators: true },
    },
    // axe runs on every story; violations fail the a11y panel.
    a11y: { test: 'error' },
  },
};

export default preview;
