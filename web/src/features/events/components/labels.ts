import type { MatchmakingEvent } from '../api/events'

export const eventKindLabels: Record<MatchmakingEvent['kind'], string> = {
  roadshow: '项目路演',
  matchmaking: '对接会',
}

export const eventStatusTags: Record<MatchmakingEvent['status'], { label: string; color: string }> = {
  open: { label: '报名中', color: 'green' },
  full: { label: '名额已满', color: 'orange' },
  signupClosed: { label: '报名已截止', color: 'orange' },
  ongoing: { label: '进行中', color: 'blue' },
  finished: { label: '已结束', color: 'default' },
  cancelled: { label: '已取消', color: 'red' },
}

const pad = (n: number) => String(n).padStart(2, '0')
/** Shanghai wall time, as every city user reads it: 2026-12-18 14:00. */
export function shanghaiTime(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3_600_000)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}

/** 2026-12-18 14:00–17:00, or both ends in full when it spans days. */
export function timeSpan(startsAt: string, endsAt: string): string {
  const start = shanghaiTime(startsAt)
  const end = shanghaiTime(endsAt)
  return start.slice(0, 10) === end.slice(0, 10) ? `${start}–${end.slice(11)}` : `${start} 至 ${end}`
}

export function seatsText(event: Pick<MatchmakingEvent, 'capacity' | 'signupCount'>): string {
  return event.capacity === null
    ? `已报名 ${event.signupCount} 人`
    : `已报名 ${event.signupCount} / ${event.capacity} 人`
}
