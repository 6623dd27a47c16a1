import type {
  CreateInstrument,
  Instrument,
  Duplicate as InstrumentDuplicateSchema,
  InstrumentListItem,
  UpdateInstrument,
} from '@server/modules/instruments/contracts'
import type { Availability, InstrumentCategory } from '@server/modules/instruments/schema'
import type { z } from 'zod'

export type { Availability, Instrument, InstrumentCategory }
export type InstrumentItem = z.infer<typeof InstrumentListItem>
export type InstrumentDuplicate = z.infer<typeof InstrumentDuplicateSchema>
export type CreateInstrumentInput = z.input<typeof CreateInstrument>
export type UpdateInstrumentInput = z.input<typeof UpdateInstrument>
export type SavedInstrument = { instrument: Instrument; duplicates: InstrumentDuplicate[] }
