import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Served by the Portcullis server at / (src/web/); hashed assets under /assets/.
export default defineConfig({
  base: '/',
  plugins: [react()],
  // Swagger UI's self-contained bundle (the API reference page's chunk, loaded on that page only) is about 1.5 MB.
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1600 },
});
