import { parentPort, workerData } from 'node:worker_threads'
import type { LearnRequest, LearnResult } from './background-learn'
import { loadClassifier, stateBuffers } from './classifier'

/** Relearns off the main thread: committed data + snapshot + every correction, posted back as plain data. */
const request = workerData as LearnRequest
try {
  const state = (await loadClassifier({ corrections: request.corrections, dataDir: request.dataDir })).state()
  parentPort!.postMessage({ ok: true, state } satisfies LearnResult, stateBuffers(state))
} catch (error) {
  parentPort!.postMessage({ ok: false, message: (error as Error).message } satisfies LearnResult)
}
