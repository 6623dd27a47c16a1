import { defineConfig } from 'drizzle-kit'

// Migrations are generated from every module's schema.ts and committed; the server never pushes a schema.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./server/src/platform/**/schema.ts', './server/src/modules/**/schema.ts'],
  out: './server/drizzle',
})
