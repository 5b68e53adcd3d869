import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The app is served from the built bundle (npm start); Monaco is split into its own lazy chunk.
export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 4096 },
  preview: { host: '127.0.0.1' },
  server: { host: '127.0.0.1' },
});
