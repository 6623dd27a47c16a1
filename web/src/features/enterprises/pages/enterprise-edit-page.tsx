import { Card } from 'antd'
import { useParams } from 'react-router-dom'
import { Page } from '../../../shared/page'
import { BackLink, RecordState } from '../../../shared/registry/detail-parts'
import { useCompact } from '../../../shared/responsive'
import { useEnterprise } from '../api/get-enterprise'
import { EnterpriseForm } from '../components/enterprise-form'

export function EnterpriseCreatePage() {
  const compact = useCompact()
  return (
    <Page
      title="登记企业"
      subTitle={compact ? undefined : '带 * 的为必填项；统一社会信用代码按国家标准校验'}
      content={<BackLink to="/enterprises" label="返回企业库" />}
    >
      <Card>
        <EnterpriseForm />
      </Card>
    </Page>
  )
}

export function EnterpriseEditPage() {
  const { id = '' } = useParams()
  const query = useEnterprise(id)
  if (!query.data)
    return (
      <Page title="编辑企业档案">
        <RecordState isPending={query.isPending} error={query.error} what="企业档案" backTo="/enterprises" />
      </Page>
    )
  return (
    <Page title={`编辑：${query.data.name}`} content={<BackLink to={`/enterprises/${id}`} label="返回企业档案" />}>
      <Card>
        <EnterpriseForm key={`${id}:${query.data.version}`} enterprise={query.data} />
      </Card>
    </Page>
  )
}
