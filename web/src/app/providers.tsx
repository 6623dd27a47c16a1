import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { App as AntApp, ConfigProvider, theme } from 'antd'
import zhCN from 'antd/locale/zh_CN'
import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import { type ReactNode, useEffect, useState } from 'react'
import { isApiError, onUnauthorized } from '../shared/http'
import { clearSession } from '../shared/session'

dayjs.locale('zh-cn')

export const brandColor = '#1456c8'

function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // A 4xx will not change by asking again.
        retry: (count, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && count < 2,
        refetchOnWindowFocus: false,
        staleTime: 15_000,
      },
    },
  })
}

function UnauthorizedBridge({ queryClient }: { queryClient: QueryClient }) {
  const { message } = AntApp.useApp()
  useEffect(() => {
    let notified = false
    onUnauthorized(() => {
      if (!notified) message.warning('登录已失效，请重新登录')
      notified = true
      setTimeout(() => {
        notified = false
      }, 3000)
      clearSession(queryClient)
    })
  }, [message, queryClient])
  return null
}

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient)
  return (
    <ConfigProvider
      locale={zhCN}
      theme={{
        algorithm: theme.defaultAlgorithm,
        token: { colorPrimary: brandColor, borderRadius: 6, fontSize: 14 },
      }}
    >
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <UnauthorizedBridge queryClient={queryClient} />
          {children}
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  )
}
