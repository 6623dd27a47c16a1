// Every table of every module, for Drizzle's typed queries. Migrations are generated from the same files.
export * from '../modules/accounts/schema'
export * from '../modules/jurisdictions/schema'
export * from '../modules/organizations/schema'
export * from '../modules/settings/schema'
export * from '../platform/audit/schema'
export * from '../platform/calendar/schema'
