import { useQuery } from '@tanstack/react-query'
import { http } from '../http'
import { useCan, useSession } from '../session'

type SentLead = { id: string; recordType: string; recordId: string; status: string; createdAt: string }

/**
 * The caller's interest in a record that the owner has not answered yet, if any. Read from 我的意向 (the same query
 * the leads page uses), so 我有意向 shows 已表达意向 before anyone types a note the server would refuse as a repeat.
 */
export function useOpenLead(recordType: string, recordId: string): SentLead | undefined {
  const session = useSession()
  const can = useCan()
  const sent = useQuery({
    queryKey: ['leads', 'sent'],
    queryFn: () => http.get<{ items: SentLead[] }>('/leads', { box: 'sent' }),
    enabled: !!session.data?.user && can('lead.read'),
    staleTime: 30_000,
  })
  return sent.data?.items.find((l) => l.recordType === recordType && l.recordId === recordId && l.status === 'new')
}

/** 「已于 12月8日 表达意向」 for the button's tooltip. */
export function openLeadHint(lead: SentLead): string {
  const day = new Date(lead.createdAt).toLocaleDateString('zh-CN', {
    timeZone: 'Asia/Shanghai',
    month: 'long',
    day: 'numeric',
  })
  return `已于 ${day} 表达意向，对方尚未处理；可在“我的意向”中查看`
}
