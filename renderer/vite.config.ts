import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { preloadHomeFonts } from '../build/vite/preload-home-fonts';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

/** Builds the renderer into dist/renderer, served by Electron's app:// scheme and by the web host. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [
    react(),
    preloadHomeFonts({
      root: fileURLToPath(new URL('..', import.meta.url)),
      stylesheets: ['400', '700'].map((weight) =>
        fileURLToPath(
          new URL(`../node_modules/@fontsource/noto-sans-sc/${weight}.css`, import.meta.url),
        ),
      ),
    }),
  ],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome130',
    // The kiosk loads from local disk; one chunk keeps start-up simple. Fonts stay split by unicode-range.
    chunkSizeWarningLimit: 4000,
    modulePreload: { polyfill: false },
    // The CSP allows no data: URLs, so even the smallest font slice must be a file.
    assetsInlineLimit: 0,
  },
});
