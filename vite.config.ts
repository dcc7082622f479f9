// Builds the renderer into dist/renderer, served by Electron's app:// protocol and the web host.
// Relative asset paths ('./') work under both. No inline scripts: the CSP allows none.
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  base: './',
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // The polyfill would be an inline script; Chromium and Electron need none.
    modulePreload: { polyfill: false },
    sourcemap: true,
  },
});
