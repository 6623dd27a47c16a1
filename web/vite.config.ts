import fs from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import zlib from 'node:zlib'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'

const gzip = promisify(zlib.gzip)
const brotli = promisify(zlib.brotliCompress)

/** Writes .br and .gz beside each script and style sheet; the server sends them to browsers that accept them. */
function precompress(): Plugin {
  return {
    name: 'firstmile-precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const dir = options.dir ?? ''
      const files = Object.keys(bundle).filter((name) => /\.(js|css|svg|json)$/.test(name))
      await Promise.all(
        files.map(async (name) => {
          const full = path.join(dir, name)
          const data = await fs.readFile(full)
          if (data.length < 1024) return
          const [gz, br] = await Promise.all([
            gzip(data, { level: 9 }),
            brotli(data, {
              params: {
                [zlib.constants.BROTLI_PARAM_QUALITY]: 10,
                [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
              },
            }),
          ])
          await Promise.all([fs.writeFile(`${full}.gz`, gz), fs.writeFile(`${full}.br`, br)])
        }),
      )
    },
  }
}

const webRoot = fileURLToPath(new URL('.', import.meta.url))
const repoRoot = fileURLToPath(new URL('..', import.meta.url))

// Root is web/; the build lands in dist/web at the repository root, which the server serves.
export default defineConfig({
  root: webRoot,
  plugins: [react(), precompress()],
  resolve: {
    alias: { '@server': `${repoRoot}server/src` },
  },
  build: {
    outDir: `${repoRoot}dist/web`,
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      onwarn(warning, warn) {
        // zod 4 places /*#__PURE__*/ where Rollup cannot use it and says so on every build; nothing is wrong.
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('/node_modules/zod/')) return
        warn(warning)
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
})
