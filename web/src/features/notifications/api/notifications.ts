import type {
  NotificationPage as NotificationPageSchema,
  Notification as NotificationSchema,
} from '@server/modules/policies/contracts'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import { http } from '../../../shared/http'

export type Notification = z.infer<typeof NotificationSchema>
export type NotificationPage = z.infer<typeof NotificationPageSchema>

/** 站内消息: the inbox of the signed-in person's organization. */
export function useNotifications(query: { status: 'unread' | 'all'; page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['notifications', query],
    queryFn: () => http.get<NotificationPage>('/notifications', query),
  })
}

export function useMarkRead() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => http.post<Notification>(`/notifications/${id}/read`, {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  })
}
