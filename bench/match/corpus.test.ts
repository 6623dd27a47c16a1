import { describe, expect, it } from 'vitest'
import { Corpus } from './corpus'
import { loadPapers, splitSentences } from './csl'
import { evaluate } from './metrics'
import { countGradeOne, grade, makeQueries } from './queries'

describe('splitSentences', () => {
  it.each([
    ['提出了方法.仿真结果表明,效果较好.', ['提出了方法.', '仿真结果表明,效果较好.']],
    ['提高了3.5%;降低了成本。', ['提高了3.5%;', '降低了成本。']],
    ['没有句号', ['没有句号']],
  ])('%s', (text, sentences) => {
    expect(splitSentences(text)).toEqual(sentences)
  })
})

describe('benchmark corpus and judgements', () => {
  const papers = loadPapers()
  const corpus = new Corpus(papers, 3000, 1)

  it('hides every real paper once and builds distractors from sentences of one discipline', () => {
    const real = Array.from(corpus.docPaper).filter((p) => p >= 0)
    expect(new Set(real).size).toBe(papers.length)
    for (let doc = 0; doc < corpus.size; doc++) {
      if (corpus.docPaper[doc]! >= 0) continue
      for (const s of corpus.sentencesOf(doc)) {
        expect(corpus.paperDiscipline[corpus.sentences[s]!.paper]).toBe(corpus.docDiscipline[doc])
      }
    }
  })

  it('grades the source 2, a same-discipline record sharing a keyword 1, others 0', () => {
    const [query] = makeQueries(corpus, 'dev', ['title'])
    const source = corpus.paperDoc[query!.paper]!
    expect(grade(corpus, query!, source)).toBe(2)
    const other = corpus.docDiscipline.findIndex(
      (d, doc) => d !== corpus.paperDiscipline[query!.paper] && doc !== source,
    )
    expect(grade(corpus, query!, other)).toBe(0)
  })

  it('scores the ideal ranking 1 and an empty one 0', () => {
    const queries = makeQueries(corpus, 'dev', ['keywords']).slice(0, 20)
    const ideal = queries.map((q) => {
      const ones: number[] = []
      for (let doc = 0; doc < corpus.size && ones.length < 9; doc++) if (grade(corpus, q, doc) === 1) ones.push(doc)
      return [corpus.paperDoc[q.paper]!, ...ones]
    })
    expect(countGradeOne(corpus, queries, 9)).toEqual(Int32Array.from(ideal, (r) => r.length - 1))
    const best = evaluate(corpus, queries, ideal)
    expect(best.ndcg10).toBeCloseTo(1, 10)
    expect(best.recall10).toBe(1)
    expect(best.mrr10).toBe(1)
    expect(
      evaluate(
        corpus,
        queries,
        queries.map(() => []),
      ).ndcg10,
    ).toBe(0)
  })
})
