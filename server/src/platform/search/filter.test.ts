import { describe, expect, it } from 'vitest'
import { AttributeColumnsBuilder, createDictionaries } from './attributes'
import { compileFilter, type Filter } from './filter'

const schema = { region: 'keyword', industry: 'keywords', trl: 'number' } as const
const dictionaries = createDictionaries(schema)
const builder = new AttributeColumnsBuilder(schema, dictionaries)
const rows = [
  { region: '330300', industry: ['AI', '装备'], trl: 3 },
  { region: '350200', industry: ['新能源'], trl: 6 },
  { region: '330300', industry: [], trl: 9 },
  {},
]
for (const row of rows) builder.add(row)
const columns = builder.finish()

const matching = (filter: Filter) => {
  const predicate = compileFilter(filter, { schema, dictionaries, columns })
  return rows.map((_, doc) => doc).filter((doc) => predicate(doc))
}

describe('compileFilter', () => {
  it.each<[string, Filter, number[]]>([
    ['keyword in', { attribute: 'region', in: ['330300'] }, [0, 2]],
    ['keyword in, value never seen', { attribute: 'region', in: ['110000'] }, []],
    ['keywords in (any value)', { attribute: 'industry', in: ['装备', '新能源'] }, [0, 1]],
    ['number range inclusive', { attribute: 'trl', gte: 3, lte: 6 }, [0, 1]],
    ['number range exclusive', { attribute: 'trl', gt: 3, lt: 9 }, [1]],
    ['number in', { attribute: 'trl', in: [9] }, [2]],
    ['exists', { attribute: 'region', exists: true }, [0, 1, 2]],
    ['missing keywords', { attribute: 'industry', exists: false }, [2, 3]],
    [
      'and',
      {
        and: [
          { attribute: 'region', in: ['330300'] },
          { attribute: 'trl', gte: 5 },
        ],
      },
      [2],
    ],
    [
      'or',
      {
        or: [
          { attribute: 'region', in: ['350200'] },
          { attribute: 'trl', gte: 9 },
        ],
      },
      [1, 2],
    ],
    ['not', { not: { attribute: 'region', in: ['330300'] } }, [1, 3]],
  ])('%s', (_, filter, expected) => {
    expect(matching(filter)).toEqual(expected)
  })

  it('rejects an unknown attribute and a range on a keyword, in Chinese', () => {
    expect(() => matching({ attribute: 'owner', in: ['x'] })).toThrow('未知的筛选字段：owner')
    expect(() => matching({ attribute: 'region', gte: 1 })).toThrow(/不是数值/)
  })
})
