// npm run bench:classify — trains on the committed data (csl-category-train + csl-dev), evaluates once on
// csl-heldout (never used for anything else), with the naive Bayes baseline in the same run, and writes the
// "Classification (bench:classify)" section of docs/benchmarks.md. `--no-write` prints only.
import path from 'node:path'
import { trainClassifier } from '../../server/src/modules/classification/classifier'
import {
  DATA_DIR,
  type PaperRecord,
  readBaseData,
  readJsonLines,
} from '../../server/src/modules/classification/dataset'
import {
  accuracy,
  expectedCalibrationError,
  logLoss,
  macroF1,
  reliability,
  type Scored,
} from '../../server/src/modules/classification/metrics'
import { readSnapshot } from '../../server/src/modules/classification/snapshot'
import { wordsOf } from '../../server/src/modules/classification/text-features'
import { baselineScored } from './baseline'
import { measureRelearn } from './relearn-cost'
import { describeMachine, markdownTable, writeSection } from './report'

// Written by hand from bench/classify/tune.ts output (5-fold CV on training data only); update with the spec.
const SELECTION = [
  "Model selection (5-fold CV, 9,000 training titles / 1,000 abstracts; heldout not involved), title → 门类 accuracy of each candidate alone or stacked: NB (words + char 1–2-grams, α 0.1) 0.751 · linear SVM, TF-IDF minDf 2 0.778 · SVM minDf 1 0.780 · NB-SVM (Wang & Manning 2012) 0.773 · logistic 0.754 · complement NB 0.759 · SVM with char 1–3-grams 0.772 · chars only 0.775 · words only 0.729 · + word bigrams 0.774 · SVM cost 2 0.780 · csl-dev keywords and abstract sentences as extra title-like training documents: no gain (0.778) · per-class bias in the stacking: no gain. Stacked: NB + SVM (previous model) 0.7827 → NB + SVM (minDf 1) + NB-SVM 0.7864 (abstracts 0.794 → 0.798) → + 学科-subclass SVM (学科 as latent subclasses of each 门类: csl-dev papers keep theirs, other titles the best-scoring 学科 of their 门类; 67 SVMs max-pooled per 门类; 0.771 alone) 0.7932 (abstracts 0.801), the current model. Tried with it and not kept: kNN (0.738 alone, stacked 0.785) · MLP on TF-IDF (0.755, stacked 0.785) · 学科目录 一级/二级学科 names as documents (`data/classification/discipline-catalogue.json`, `CLASSIFY_AUGMENT=cat:3`: 0.7888 without, 0.7944 with the subclass SVM, below the +0.005 bar) · subclass SVM with cost 0.5 (0.7920), re-assigned twice (same), or as NB-SVM (0.7931). Tried on top of it, none reaching +0.005 (`bench/classify/stack-lr.ts`, stackers scored by nested 5-fold CV over the out-of-fold titles, where the current weighted sum scores 0.7936): multinomial logistic regression over the 13 × 4 member scores, L2 towards the weighted sum 0.7950 (with a second subclass SVM on chars 1–3 as 5th input 0.7952) · per-class member weights 0.7936 · per-class bias by log-loss 0.7939 or by accuracy 0.7904–0.7929 · a second subclass SVM on chars 1–3 (0.760 alone) or words + word bigrams + chars 1–3 (0.764) in the weighted sum 0.7929 / 0.7932 · 学科目录 names (cat:3) in all members 0.7949, with the logistic stacker 0.7942 · a csl-dev 门类-mix prior (the mixes agree within noise): csl-dev titles 0.789 → 0.788–0.790; per-member temperatures of summed logits are the weights themselves. Tried 2026-12-07 (second session), also not kept: k-means clusters of each 门类 as unsupervised subclasses, a fifth member (one cluster per 60 or 150 titles: 0.731 / 0.749 alone, stacked 0.7936 / 0.7933; code in commit dbb43ae, removed after) · csl-dev papers weighted ×2 as the sample nearest the held-out file (stacked 0.7898; csl-dev titles alone 0.788 → 0.785). Tried 2026-12-07 (third session), also not kept, each stacked with the four members of the current model (0.7932): one-vs-one linear SVMs, 78 pairwise problems, as a fifth member (`bench/classify/ovo.ts`; summed decision values 0.724 alone, stacked 0.7900; summed tanh 0.7913; votes 0.763 alone, stacked 0.7913) · the first and last word of a title as extra features (a title ending in 考 or 探析; every member +0.000–0.0035 alone, stacked 0.7937) · each character's Kangxi radical (Unihan kRSUnicode; stacked 0.7919) · the subclass SVM's first stage with its own cost 0.5 / 2 / 4 (stacked 0.7922 / 0.7933 / 0.7932) · csl-dev abstracts weighted 0.5 or 2 as training documents (0.7918 / 0.7911) · the subclass SVM pooled by log-sum-exp instead of max (temperature 0.1: 0.778 alone instead of 0.771, stacked 0.7933; 0.3: 0.674, 0.7849) · dictionary words inside longer words as extra word features (具身智能机器人 → 具身智能, 机器人; stacked 0.7934). **Learning curve:** 10-fold CV, which trains each fold on 90 % of the titles instead of 80 %, scores 0.7941 against 0.7932 (`CV_FOLDS=10`), so another 12 % of data of the same kind adds 0.1 point; more of the same titles will not close the gap either. On 1,000 held-out titles one accuracy has a standard error of about 0.012, so the 0.007 still missing is about half of one standard error: it is within the noise of the held-out file, and no change that CV can see is large enough to move it reliably.",
  '',
  'Held-out evaluations, each model once after it was chosen by CV alone: NB + SVM 0.803; + NB-SVM 0.804; + 学科-subclass SVM 0.813 (2026-12-07, the current model). The goal needs about +0.007 more. The one idea that moved CV by more than half a point used structure in the labels (学科 inside 门类), not another learner or feature set; classical learners on 9,000 titles are otherwise within ±0.3 points of each other, and the learning curve is flat (10-fold CV +0.1 point). What is left is knowledge from outside these 10,000 papers — a pretrained Chinese language model, which no package in the reachable registries ships — or many more labelled titles, such as the corrections people make, which the server learns from.',
].join('\n')

const HELDOUT = process.env.CSL_HELDOUT ?? '/work/shared/data/csl/csl-heldout.jsonl'
const cpuMs = () => {
  const usage = process.cpuUsage()
  return (usage.user + usage.system) / 1000
}

// Start-up as the server does it: committed data, jieba dictionaries, snapshot of solved α, rebuild.
const measure = <T>(run: () => T) => {
  const wall = performance.now()
  const cpu = cpuMs()
  const value = run()
  return { value, wallMs: performance.now() - wall, cpuMs: cpuMs() - cpu }
}
const jieba = measure(() => wordsOf('预热'))
const startup = measure(() => trainClassifier(readBaseData(), [], { snapshot: readSnapshot(DATA_DIR) }))
const classifier = startup.value
if (classifier.fromSnapshot.category !== 'exact' || classifier.fromSnapshot.discipline !== 'exact') {
  console.warn('snapshot does not match the data: run server/src/modules/classification/build-snapshot.ts')
}
const base = readBaseData()
const solve = measure(() => trainClassifier(base))
const learn = measure(() => classifier.learn([{ text: '茶席设计的社区推广', category: '艺术学' }]))
const relearn = await measureRelearn()

const heldout = readJsonLines<PaperRecord>(path.resolve(HELDOUT))
const { categories, disciplines } = classifier
type Task = { name: string; input: (p: PaperRecord) => string; target: 'category' | 'discipline' }
const tasks: Task[] = [
  { name: 'title → 门类', input: (p) => p.title, target: 'category' },
  { name: 'abstract → 门类', input: (p) => p.abstract, target: 'category' },
  { name: 'title → 学科', input: (p) => p.title, target: 'discipline' },
  { name: 'abstract → 学科', input: (p) => p.abstract, target: 'discipline' },
]

const latencies: number[] = []
const results = tasks.map((task) => {
  const labels = task.target === 'category' ? categories : disciplines
  const scored: Scored[] = heldout.map((paper) => {
    const started = performance.now()
    const result = classifier.classify(task.input(paper), { topK: labels.length })[task.target]
    latencies.push(performance.now() - started)
    const probabilities = new Array<number>(labels.length).fill(0)
    for (const p of [result, ...result.alternatives]) probabilities[labels.indexOf(p.label)] = p.confidence
    return { label: labels.indexOf(paper[task.target]), probabilities }
  })
  return { task, scored, classCount: labels.length }
})

const baselines = [
  {
    name: 'multinomial NB, jieba words, α = 1, csl-category-train (8,000)',
    ...baselineScored(base.titles, 1, heldout),
  },
  {
    name: 'multinomial NB, jieba words, α = 0.1, + csl-dev titles (9,000)',
    ...baselineScored([...base.titles, ...base.papers], 0.1, heldout),
  },
]

const sorted = [...latencies].sort((a, b) => a - b)
const percentile = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
const f = (value: number, digits = 3) => value.toFixed(digits)
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`
const machine = describeMachine()
const titleCategory = results[0]!
const target = 0.82
const met = accuracy(titleCategory.scored) >= target

const body = [
  `Command: \`npm run bench:classify\` · ${machine.date} · ${machine.nproc} cores (${machine.cpu}) · memory ${machine.memory} · Node ${machine.node} · load average ${machine.load} (shared machine: times are upper bounds)`,
  '',
  'Training data: csl-category-train (8,000 titles with 门类) + csl-dev (1,000 papers with 学科; title and abstract+keywords as documents), committed in `data/classification/` as 公开论文元数据（CSL）. Evaluation: csl-heldout (1,000 papers), read only by this command. Model choices and weights come from 5-fold cross-validation on the training data (`bench/classify/tune*.ts`).',
  '',
  `Goal title → 门类 accuracy ≥ ${target}: **${met ? 'met' : `not met (${f(accuracy(titleCategory.scored))}, short by ${f(target - accuracy(titleCategory.scored))})`}**.`,
  '',
  'Rerun: `npm run bench:classify` (add `-- --no-write` to print only). Model selection: `npx tsx bench/classify/tune.ts <member regex>` and `npx tsx bench/classify/tune-discipline.ts <member regex>` (5-fold CV, training data only; their weights go to `server/src/modules/classification/model-spec.ts`). After changing the data or the spec: `npx tsx server/src/modules/classification/build-snapshot.ts`.',
  '',
  SELECTION,
  '',
  'Confidences are softmax probabilities of the stacked members, with weights fitted for log-loss on out-of-fold predictions (titles and abstracts separately), hence the low ECE. Industry suggestions have no labelled data and are not measured here; their confidence is a match strength.',
  '',
  markdownTable(
    ['model', 'task', 'accuracy', 'macro-F1', 'ECE (10 bins)', 'log-loss'],
    [
      ...baselines.map((b) => [
        b.name,
        'title → 门类',
        f(accuracy(b.scored)),
        f(macroF1(b.scored, b.classCount)),
        f(expectedCalibrationError(b.scored)),
        f(logLoss(b.scored)),
      ]),
      ...results.map(({ task, scored, classCount }) => [
        'FirstMile ensemble (NB + linear SVM + NB-SVM + 学科-subclass SVM, calibrated stacking; 学科 with the 门类 model as evidence)',
        task.name,
        f(accuracy(scored)),
        f(macroF1(scored, classCount)),
        f(expectedCalibrationError(scored)),
        f(logLoss(scored)),
      ]),
    ],
  ),
  '',
  'Reliability of the title → 门类 confidences (heldout):',
  '',
  markdownTable(
    ['confidence', 'texts', 'mean confidence', 'accuracy'],
    reliability(titleCategory.scored)
      .filter((b) => b.count > 0)
      .map((b) => [`${f(b.from, 1)}–${f(b.to, 1)}`, String(b.count), f(b.confidence), f(b.accuracy)]),
  ),
  '',
  markdownTable(
    ['cost', 'value'],
    [
      [
        'start-up (server): read data, segment, count, train NB, rebuild SVMs from the committed snapshot',
        `${seconds(startup.wallMs)} wall, ${seconds(startup.cpuMs)} CPU (+ jieba dictionaries ${seconds(jieba.wallMs)})`,
      ],
      [
        'solve from scratch (build-snapshot.ts; after the data or spec change)',
        `${seconds(solve.wallMs)} wall, ${seconds(solve.cpuMs)} CPU`,
      ],
      [
        'learn one correction (resumes from the snapshot)',
        `${seconds(learn.wallMs)} wall, ${seconds(learn.cpuMs)} CPU`,
      ],
      [
        'the server relearning (same, in a worker thread): longest event-loop stall',
        `${seconds(relearn.wallMs)} wall, ${f(relearn.longestStallMs, 0)} ms stall`,
      ],
      ['classify one text (门类 + 学科), mean', `${f(latencies.reduce((a, b) => a + b, 0) / latencies.length, 2)} ms`],
      [
        'classify one text, p50 / p95 / max',
        `${f(percentile(0.5), 2)} / ${f(percentile(0.95), 2)} / ${f(sorted.at(-1)!, 2)} ms`,
      ],
    ],
  ),
].join('\n')

console.log(body)
if (!process.argv.includes('--no-write')) writeSection('docs/benchmarks.md', body)
