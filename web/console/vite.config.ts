import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Served by the Portcullis server at /admin/ (src/web/); hashed assets under /admin/assets/.
export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  // The shared package from this checkout, whatever the workspace link in node_modules points at.
  resolve: { alias: { '@portcullis/web-shared': fileURLToPath(new URL('../shared/src/index.ts', import.meta.url)) } },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
});
