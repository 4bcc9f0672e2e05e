import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { CONTENT_SECURITY_POLICY as CSP } from './electron/security.ts';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
  },
  worker: { format: 'es' },
  server: { port: 5173, strictPort: false },
  // Only the built app is served with the CSP header: the dev server injects inline scripts for hot reload.
  preview: { port: 4173, headers: { 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff' } },
});
