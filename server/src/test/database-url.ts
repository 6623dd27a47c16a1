/** Names a PostgreSQL server for the suite; unset means PGlite. */
export const TEST_DATABASE_ENV = 'FIRSTMILE_TEST_DATABASE_URL'

export function databaseUrlFor(url: string, database: string): string {
  const u = new URL(url)
  u.pathname = `/${database}`
  return u.toString()
}

/** The maintenance database of the same server, from which test databases are created and dropped. */
export function adminUrl(url: string): string {
  return databaseUrlFor(url, 'postgres')
}
