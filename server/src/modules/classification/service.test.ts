import { describe, expect, it } from 'vitest'
import { db } from '../../db'
import { systemActor } from '../../platform/auth/actor'
import { newId } from '../../platform/ids/ids'
import { withTestDatabase } from '../../test/database'
import { classifier, classifyText, recordClassification, relearnNow } from './service'

withTestDatabase()
const actor = systemActor('test')
// 醍醐灌顶 and 茶席 are rare in the committed data: only the corrections tie them to 艺术学.
const probe = '茶席醍醐灌顶式设计的社区推广'
const texts = ['茶席醍醐灌顶式设计', '醍醐灌顶的茶席设计研究', '茶席与醍醐灌顶式展示', '醍醐灌顶茶席美学']

describe('relearning from stored corrections', () => {
  it('keeps answering with the current model while the worker relearns, then switches to the new one', async () => {
    const before = await classifier()
    expect(before.classify(probe).category.label).not.toBe('艺术学')
    await db.transaction(async (tx) => {
      for (const text of texts) {
        await recordClassification(tx, actor, {
          type: 'achievement',
          id: newId(),
          text,
          category: '艺术学',
          discipline: null,
          jurisdictionCode: '330300',
          industryCodes: [],
        })
      }
    })

    const learning = relearnNow()
    const asked = performance.now()
    const during = await classifyText(actor, probe)
    // Answered by the old model at once, not after the relearn.
    expect(performance.now() - asked).toBeLessThan(1_000)
    expect(during.category.label).toBe(before.classify(probe).category.label)

    await learning
    const after = await classifier()
    expect(after).not.toBe(before)
    expect(after.corrections).toHaveLength(texts.length)
    expect((await classifyText(actor, probe)).category.label).toBe('艺术学')
  }, 120_000)
})
