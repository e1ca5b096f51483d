import { create } from 'storybook/theming';

// The sidebar in the elements' own colours (src/internal/tokens.styles.ts: the accent, the warm surface, the link blue)
// and a news page's serif.
export const theme = create({
  base: 'light',
  brandTitle: 'newsroom-elements',
  brandUrl: '?path=/docs/introduction--docs',
  brandImage: './newsroom-elements-logo.svg',
  brandTarget: '_self',
  colorPrimary: '#b3121d',
  colorSecondary: '#0b5394',
  appBg: '#f5f3ef',
  appContentBg: '#ffffff',
  appBorderColor: '#d4cfc7',
  textColor: '#1b1917',
  barSelectedColor: '#b3121d',
  fontBase: 'Georgia, "Times New Roman", serif',
});
