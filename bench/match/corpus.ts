import { segment } from '../../server/src/platform/text/tokenize'
import { type Paper, splitSentences } from './csl'
import { seededRandom } from './random'

interface Sentence {
  readonly text: string
  readonly tokens: readonly string[]
  /** The tokens as PostgreSQL would store them: one space-separated string. */
  readonly tokenString: string
  readonly paper: number
  /** Keywords of its paper that occur in it: what a generated achievement built from it is "about". */
  readonly keywords: readonly number[]
}

/**
 * The benchmark corpus: the real CSL abstracts (dev and held-out) at random positions among distractors.
 * A distractor recombines sentences of real abstracts of one discipline, sentence i from some abstract's
 * sentence i, so it reads like an abstract of that field; its keywords are those of its source papers
 * that occur in its sentences. Documents are held as sentence lists, so a million cost ~30 MB.
 */
export class Corpus {
  readonly sentences: Sentence[] = []
  readonly keywordIds = new Map<string, number>()
  readonly paperKeywords: number[][] = []
  readonly disciplines: string[] = []
  readonly paperDiscipline: Uint16Array
  readonly docDiscipline: Uint16Array
  readonly docPaper: Int32Array
  readonly paperDoc: Int32Array
  private readonly docStart: Uint32Array
  private readonly docSentences: Int32Array

  constructor(
    readonly papers: readonly Paper[],
    readonly size: number,
    seed = 20251122,
  ) {
    const random = seededRandom(seed)
    const disciplineIds = new Map<string, number>()
    this.paperDiscipline = new Uint16Array(papers.length)
    const paperSentences: number[][] = []
    papers.forEach((paper, p) => {
      let d = disciplineIds.get(paper.discipline)
      if (d === undefined) {
        d = this.disciplines.length
        this.disciplines.push(paper.discipline)
        disciplineIds.set(paper.discipline, d)
      }
      this.paperDiscipline[p] = d
      const keywords = paper.keywords.map((k) => this.keywordId(k))
      this.paperKeywords.push(keywords)
      const ids: number[] = []
      for (const text of splitSentences(paper.abstract)) {
        const tokens = segment(text)
        ids.push(this.sentences.length)
        this.sentences.push({
          text,
          tokens,
          tokenString: tokens.join(' '),
          paper: p,
          keywords: keywords.filter((_, i) => text.includes(paper.keywords[i]!)),
        })
      }
      paperSentences.push(ids)
    })
    const byDiscipline = this.disciplines.map(() => [] as number[])
    papers.forEach((_, p) => {
      byDiscipline[this.paperDiscipline[p]!]!.push(p)
    })

    // real papers at random distinct positions, so no engine's tie-breaking favours them
    this.docPaper = new Int32Array(size).fill(-1)
    this.paperDoc = new Int32Array(papers.length)
    const taken = new Set<number>()
    papers.forEach((_, p) => {
      let slot = Math.floor(random() * size)
      while (taken.has(slot)) slot = Math.floor(random() * size)
      taken.add(slot)
      this.docPaper[slot] = p
      this.paperDoc[p] = slot
    })
    this.docDiscipline = new Uint16Array(size)
    this.docStart = new Uint32Array(size + 1)
    const flat: number[] = []
    const havingSentence = new Map<number, number[]>()
    for (let doc = 0; doc < size; doc++) {
      const real = this.docPaper[doc]!
      if (real >= 0) {
        flat.push(...paperSentences[real]!)
        this.docDiscipline[doc] = this.paperDiscipline[real]!
      } else {
        const model = Math.floor(random() * papers.length)
        const discipline = this.paperDiscipline[model]!
        for (let i = 0; i < paperSentences[model]!.length; i++) {
          const key = discipline * 1000 + i
          let withSentence = havingSentence.get(key)
          if (!withSentence) {
            withSentence = byDiscipline[discipline]!.filter((p) => paperSentences[p]!.length > i)
            havingSentence.set(key, withSentence)
          }
          const source = withSentence[Math.floor(random() * withSentence.length)]!
          flat.push(paperSentences[source]![i]!)
        }
        this.docDiscipline[doc] = discipline
      }
      this.docStart[doc + 1] = flat.length
    }
    this.docSentences = Int32Array.from(flat)
  }

  private keywordId(keyword: string): number {
    let id = this.keywordIds.get(keyword)
    if (id === undefined) {
      id = this.keywordIds.size
      this.keywordIds.set(keyword, id)
    }
    return id
  }

  id(doc: number): string {
    return `d${doc}`
  }

  sentencesOf(doc: number): Int32Array {
    return this.docSentences.subarray(this.docStart[doc]!, this.docStart[doc + 1]!)
  }

  tokens(doc: number): string[] {
    const out: string[] = []
    for (const s of this.sentencesOf(doc)) out.push(...this.sentences[s]!.tokens)
    return out
  }

  /** The stored form of a document's tokens (what a rebuild reads from the database). */
  tokenString(doc: number): string {
    return Array.from(this.sentencesOf(doc), (s) => this.sentences[s]!.tokenString).join(' ')
  }

  text(doc: number): string {
    return Array.from(this.sentencesOf(doc), (s) => this.sentences[s]!.text).join('')
  }

  keywords(doc: number): number[] {
    const real = this.docPaper[doc]!
    if (real >= 0) return this.paperKeywords[real]!
    const out: number[] = []
    for (const s of this.sentencesOf(doc))
      for (const k of this.sentences[s]!.keywords) if (!out.includes(k)) out.push(k)
    return out
  }

  discipline(doc: number): string {
    return this.disciplines[this.docDiscipline[doc]!]!
  }
}
