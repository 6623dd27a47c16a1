// How long the server's relearn takes and how long it stalls the event loop (the training runs in a
// worker thread; the main thread only receives the trained state). No held-out data involved.
// Usage: npx tsx bench/classify/relearn-cost.ts
import { learnInBackground } from '../../server/src/modules/classification/background-learn'

export async function measureRelearn(): Promise<{ wallMs: number; longestStallMs: number }> {
  let last = performance.now()
  let longestStallMs = 0
  const ticker = setInterval(() => {
    const now = performance.now()
    longestStallMs = Math.max(longestStallMs, now - last - 10)
    last = now
  }, 10)
  const started = performance.now()
  await learnInBackground([{ text: '茶席设计的社区推广', category: '艺术学' }]).finally(() => clearInterval(ticker))
  return { wallMs: performance.now() - started, longestStallMs }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { wallMs, longestStallMs } = await measureRelearn()
  console.log(
    `relearn in worker: ${(wallMs / 1000).toFixed(2)} s wall, longest event-loop stall ${longestStallMs.toFixed(0)} ms`,
  )
}
