import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  // The logo of the branded sidebar (.storybook/manager.ts).
  staticDirs: ['./public'],
  // Builds must work offline: no telemetry, no update check.
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // Storybook keeps only build.target from vite.config.ts, so the library build settings there do not apply here.
};

export default config;
