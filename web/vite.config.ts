import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const webRoot = fileURLToPath(new URL('.', import.meta.url))
const repoRoot = fileURLToPath(new URL('..', import.meta.url))

// Root is web/; the build lands in dist/web at the repository root, which the server serves.
export default defineConfig({
  root: webRoot,
  plugins: [react()],
  resolve: {
    alias: { '@server': `${repoRoot}server/src` },
  },
  build: {
    outDir: `${repoRoot}dist/web`,
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
})
