import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import manifest from '../custom-elements.json';
// Registers every element, as `import 'newsroom-elements'` does on a page.
import '../src/index.js';

// Autodocs read attributes, properties, slots, parts, custom properties and events from the manifest
// (`npm run storybook` regenerates it first).
setCustomElementsManifest(manifest);

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
    (story, { globals }) => {
      const dark = globals.scheme === 'dark';
      return html`<div
        lang=${globals.lang ?? 'en'}
        style="color-scheme: ${dark ? 'dark' : 'light'}; background: ${dark ? '#1b1917' : '#fff'};
          color: ${dark ? '#eee' : '#1b1917'}; padding: 1rem; font-family: Georgia, serif;"
      >
        ${story()}
      </div>`;
    },
  ],
  parameters: {
    controls: { expanded: true },
    // axe runs on every story; violations fail the a11y panel (and `test` runs of the stories).
    a11y: { test: 'error' },
  },
};

export default preview;
