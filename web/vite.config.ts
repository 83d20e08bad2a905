import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // The usage charts (recharts, ~140 kB gzipped) are one chunk on purpose, fetched only where a
    // chart shows (features/usage/UsageCharts.tsx), never before the sign-in page.
    chunkSizeWarningLimit: 520,
    // React changes less often than the app and every page needs it: its own chunk keeps the browser
    // cache useful. Everything else is split by the pages that use it (the router loads each page's
    // chunk on demand), so the sign-in page does not wait for the Mantine components of the wizard.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ }],
        },
      },
    },
  },
  server: {
    // The translation catalogues live in /locales at the repository root, shared with the server.
    fs: { allow: [repoRoot] },
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
