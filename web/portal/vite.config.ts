import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Served by the Portcullis server at / (src/web/); hashed assets under /assets/.
export default defineConfig({
  base: '/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
});
