import { Worker } from 'node:worker_threads'
import { type Classifier, type ClassifierState, classifierFromState, trainClassifier } from './classifier'
import type { Correction } from './corrections'
import { DATA_DIR, readBaseData } from './dataset'
import { readSnapshot } from './snapshot'

export type LearnRequest = { corrections: Correction[]; dataDir?: string }
export type LearnResult = { ok: true; state: ClassifierState } | { ok: false; message: string }

/**
 * Trains the classifier on the committed data plus `corrections` in a worker thread (≈ 3–4 s of CPU that
 * would otherwise block every request), then rebuilds it here from the posted state: its arrays are
 * transferred, so the main thread only pays for receiving the vocabularies.
 */
export function learnInBackground(corrections: readonly Correction[], dataDir = DATA_DIR): Promise<Classifier> {
  const worker = new URL('./learn-worker.ts', import.meta.url).href
  // The worker is TypeScript: register tsx's loader inside it first (Node 20 workers do not inherit the
  // parent's --import hooks), as search/parallel-build.ts does.
  const tsx = import.meta.resolve('tsx/esm/api')
  const bootstrap = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(worker)}) })`
  const request: LearnRequest = { corrections: [...corrections], dataDir }
  return new Promise<Classifier>((resolve, reject) => {
    const thread = new Worker(bootstrap, { eval: true, workerData: request })
    let settled = false
    thread.once('message', (result: LearnResult) => {
      settled = true
      void thread.terminate()
      if (!result.ok) return reject(new Error(result.message))
      // learn() on the result (not the server's path: it calls this again) reads the base data anew.
      resolve(
        classifierFromState(result.state, (all) =>
          trainClassifier(readBaseData(dataDir), all, { snapshot: readSnapshot(dataDir) }),
        ),
      )
    })
    thread.once('error', (error) => {
      if (!settled) reject(error)
    })
    thread.once('exit', (code) => {
      if (!settled) reject(new Error(`classifier worker exited with code ${code}`))
    })
  })
}
