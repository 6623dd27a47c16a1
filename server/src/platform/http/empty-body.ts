import { z } from 'zod'

/** For writes that take no input: nothing, or an empty object; anything else is refused like an unknown field. */
export const EmptyBody = z.strictObject({}).optional()
