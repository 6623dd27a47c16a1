import { PageContainer, type PageContainerProps } from '@ant-design/pro-components'
import { Spin } from 'antd'
import { type ReactNode, useEffect } from 'react'

type PageProps = Omit<PageContainerProps, 'title'> & { title: string; children: ReactNode }

/** Every signed-in page: title (also the browser tab), breadcrumbs from the menu, content. */
export function Page({ title, children, ...rest }: PageProps) {
  useDocumentTitle(title)
  return (
    <PageContainer title={title} {...rest}>
      {children}
    </PageContainer>
  )
}

export function useDocumentTitle(title: string) {
  useEffect(() => {
    document.title = `${title} - 首公里`
  }, [title])
}

export function PageLoading({ tip = '正在加载…' }: { tip?: string }) {
  return (
    <div style={{ padding: '96px 0', textAlign: 'center' }}>
      <Spin size="large" tip={tip}>
        <div style={{ minHeight: 48 }} />
      </Spin>
    </div>
  )
}
