import { HomeOutlined } from '@ant-design/icons'
import { PageContainer, type PageContainerProps } from '@ant-design/pro-components'
import { Spin } from 'antd'
import { type ReactNode, useEffect } from 'react'
import { Link, useLocation } from 'react-router-dom'
import { navigation } from './navigation'
import { useCompact } from './responsive'

type PageProps = Omit<PageContainerProps, 'title'> & { title: string; children: ReactNode }

/** 工作台 / 系统管理 / 机构管理: where the page sits in the menu. */
function useBreadcrumbItems(title: string) {
  const { pathname } = useLocation()
  const group = navigation.find((g) => g.items.some((i) => pathname === i.path || pathname.startsWith(`${i.path}/`)))
  return [
    {
      title: (
        <Link to="/home">
          <HomeOutlined /> 工作台
        </Link>
      ),
    },
    ...(group?.label ? [{ title: group.label }] : []),
    { title },
  ]
}

/**
 * Every signed-in page: title (also the browser tab), breadcrumbs from the menu, content. On a phone the subtitle
 * is left out: beside the title it squeezed both to a few characters.
 */
export function Page({ title, children, subTitle, ...rest }: PageProps) {
  useDocumentTitle(title)
  const items = useBreadcrumbItems(title)
  const compact = useCompact()
  return (
    <PageContainer title={title} subTitle={compact ? undefined : subTitle} breadcrumb={{ items }} {...rest}>
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
