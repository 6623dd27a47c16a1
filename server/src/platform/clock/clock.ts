/**
 * The platform's clock. Every timestamp that a rule depends on (lockout, session timeouts, deadlines) is
 * taken from here, never from the database's now(), so tests can move time without waiting.
 */
let offsetMs = 0

export function now(): Date {
  return new Date(Date.now() + offsetMs)
}

/** Tests only: moves the clock forward (or back) by `ms`. */
export function advanceClock(ms: number): void {
  offsetMs += ms
}

export function resetClock(): void {
  offsetMs = 0
}
