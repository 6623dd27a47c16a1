import { Layout, Space, Typography } from 'antd'
import { Link, useSearchParams } from 'react-router-dom'
import { Page, useDocumentTitle } from '../../../shared/page'
import { ReportCheckForm } from '../components/report-check-view'

const intro =
  '概念验证中心出具的概念验证报告、技术可行性报告均附验证码。输入验证码即可核验报告是否真实、是否为现行有效版本，以及报告涵盖的验证阶段与结论（结果互认）。'

/** 报告核验 in the workspace. */
export function ReportCheckPage() {
  const [params] = useSearchParams()
  const code = params.get('code') ?? undefined
  return (
    <Page title="报告核验" content={<Typography.Paragraph type="secondary">{intro}</Typography.Paragraph>}>
      <ReportCheckForm key={code} initialCode={code} />
    </Page>
  )
}

/** 报告核验 for anyone, without an account: the facts and validity of a report (the whole report needs a center). */
export function PublicReportCheckPage() {
  const [params] = useSearchParams()
  const code = params.get('code') ?? undefined
  useDocumentTitle('报告核验')
  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f7fa' }}>
      <Layout.Header style={{ background: '#0b3d91', paddingInline: 16 }}>
        <Link to="/portal" style={{ color: '#fff', fontSize: 18, fontWeight: 600 }}>
          首公里 · 概念验证报告核验
        </Link>
      </Layout.Header>
      <Layout.Content style={{ padding: 16, maxWidth: 880, width: '100%', margin: '0 auto' }}>
        <Space direction="vertical" style={{ display: 'flex' }}>
          <Typography.Title level={3}>报告核验</Typography.Title>
          <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph>
          <ReportCheckForm key={code} initialCode={code} />
          <Typography.Text type="secondary">
            概念验证中心工作人员请 <Link to={`/sign-in?next=${encodeURIComponent('/report-check')}`}>登录</Link>{' '}
            后核验，可查看报告全文。
          </Typography.Text>
        </Space>
      </Layout.Content>
    </Layout>
  )
}
