import { trainReranker } from '../../server/src/platform/search'
import { Corpus } from './corpus'
import { loadPapers } from './csl'
import { FirstMileEngine, simulatedFeedback } from './engines/firstmile'
import { makeQueries } from './queries'

/**
 * npx tsx bench/match/train-prior.ts — the re-ranker weights shipped as CSL_DEV_PRIOR: trained on
 * feedback simulated from the CSL dev queries over a 100k corpus (held-out papers never judged).
 */
const corpus = new Corpus(loadPapers(), 100_000)
const engine = new FirstMileEngine()
await engine.build(corpus)
const examples = simulatedFeedback(engine.index!, corpus, makeQueries(corpus, 'dev', ['title', 'keywords']))
const model = trainReranker(examples, { version: 'csl-dev-prior-1' })
const rounded = Object.fromEntries(Object.entries(model.weights).map(([k, v]) => [k, Math.round(v! * 1000) / 1000]))
console.log(JSON.stringify({ version: model.version, weights: rounded }))
