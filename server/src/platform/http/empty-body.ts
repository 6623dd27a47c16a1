import { z } from 'zod'

/** For writes that take no input: no body (null), or an empty object; anything else is refused like an unknown field. */
export const EmptyBody = z.union([z.strictObject({}), z.null()]).optional()
