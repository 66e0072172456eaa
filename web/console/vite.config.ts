import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Served by the Portcullis server at /admin/ (src/web/); hashed assets under /admin/assets/.
export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
});
