import type { Viewer } from '../../platform/registry/confidentiality'
import { visibleFilter } from '../../platform/registry/confidentiality'
import { type Described, type NearDuplicate, nearDuplicatesOnFile } from '../../platform/registry/similarity'
import type { Filter } from '../../platform/search'
import { catchUp, searchRecords } from './service'

/** A record on file as the near-duplicate rule reads it (its name, if it has no title, as `title`). */
export type OnFile = { id: string; title: string; text: string | null; ownerOrgId: string | null }
export type DuplicateFound = { id: string; title: string; similarity: number; reason: string }

/**
 * The entry form's near-duplicate warning for 成果、需求、场景、载体, for one new record or a whole import: each
 * new record's title and the head of its text are searched among the active records the viewer may see, and the
 * hits (read again through `load`, with the registry's own visibility) are judged by `nearDuplicate`.
 */
export async function nearDuplicatesInRegistry(
  recordType: string,
  viewer: Viewer,
  inputs: readonly Described[],
  options: { load: (ids: string[]) => Promise<OnFile[]>; reasons: Record<NearDuplicate['basis'], string> },
): Promise<DuplicateFound[][]> {
  const visibility = visibleFilter(viewer)
  const filter: Filter = { and: [{ attribute: 'status', in: ['active'] }, ...(visibility ? [visibility] : [])] }
  // A record saved a moment ago must already count.
  await catchUp()
  const found = await nearDuplicatesOnFile(inputs, {
    search: (input) =>
      searchRecords(recordType, {
        text: `${input.title} ${input.text?.slice(0, 200) ?? ''}`,
        filter,
        limit: 20,
        rerank: false,
      }).hits.map((h) => h.id),
    load: options.load,
    idOf: (c) => c.id,
    describe: (c) => c,
  })
  return found.map((list) =>
    list.map(({ candidate, match }) => ({
      id: candidate.id,
      title: candidate.title,
      similarity: Math.round(match.similarity * 100) / 100,
      reason: options.reasons[match.basis],
    })),
  )
}
