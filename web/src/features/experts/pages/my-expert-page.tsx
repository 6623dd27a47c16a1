import { PlusOutlined } from '@ant-design/icons'
import { Button, Result } from 'antd'
import { useNavigate } from 'react-router-dom'
import { isApiError } from '../../../shared/http'
import { Page } from '../../../shared/page'
import { RecordState } from '../../../shared/registry/detail-parts'
import { useOwnExpert } from '../api/get-own-expert'
import { ExpertActions } from '../components/expert-actions'
import { ExpertProfile } from '../components/expert-profile'

/** 我的专家档案: the expert sees and edits their own profile; without one yet, they register it. */
export function MyExpertPage() {
  const navigate = useNavigate()
  const own = useOwnExpert()
  if (isApiError(own.error) && own.error.status === 404)
    return (
      <Page title="我的专家档案">
        <Result
          status="info"
          title="您还没有专家档案"
          subTitle="登记研究方向、任职经历和社会关系后，即可被遴选参与概念验证项目评审；社会关系只用于评审回避。"
          extra={
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/experts/new')}>
              登记我的专家档案
            </Button>
          }
        />
      </Page>
    )
  if (!own.data)
    return (
      <Page title="我的专家档案">
        <RecordState isPending={own.isPending} error={own.error} what="专家档案" backTo="/home" />
      </Page>
    )
  return (
    <Page title="我的专家档案" subTitle="保持研究方向、任职经历和回避信息准确，评审遴选以此为准">
      <ExpertProfile expert={own.data} actions={<ExpertActions expert={own.data} />} />
    </Page>
  )
}
