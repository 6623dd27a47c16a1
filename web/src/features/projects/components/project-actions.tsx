import { ModalForm, ProFormTextArea } from '@ant-design/pro-components'
import { App, Button } from 'antd'
import { useNavigate } from 'react-router-dom'
import { errorMessage } from '../../../shared/http'
import { useCan } from '../../../shared/session'
import { useTransitionProject } from '../api/transition-project'
import type { ProjectDetail } from '../api/types'

/**
 * What the caller may do with the project now: the applicant submits a draft or a returned project; the center in
 * charge returns it for correction or declines it (with a reason), or puts it into an evaluation round.
 */
export function ProjectActions({ project: p, isApplicant }: { project: ProjectDetail; isApplicant: boolean }) {
  const { message } = App.useApp()
  const navigate = useNavigate()
  const can = useCan()
  const transition = useTransitionProject()
  const move = async (to: 'submitted' | 'returned' | 'rejected', note?: string) => {
    try {
      await transition.mutateAsync({ id: p.id, to, note, version: p.version })
      message.success(to === 'submitted' ? '已提交' : to === 'returned' ? '已退回申报单位修改' : '已作出不予入库决定')
      return true
    } catch (error) {
      message.error(errorMessage(error))
      return false
    }
  }
  const reasonForm = (to: 'returned' | 'rejected', label: string, danger: boolean) => (
    <ModalForm<{ note: string }>
      clearOnDestroy
      key={to}
      title={label}
      width={480}
      modalProps={{ destroyOnHidden: true }}
      trigger={<Button danger={danger}>{label}</Button>}
      submitter={{ searchConfig: { submitText: '确定', resetText: '取消' } }}
      onFinish={async ({ note }) => move(to, note)}
    >
      <ProFormTextArea
        name="note"
        label={to === 'returned' ? '需要修改的内容' : '不予入库的原因'}
        rules={[{ required: true, message: '请填写原因' }]}
        fieldProps={{ rows: 4, maxLength: 1000, showCount: true }}
      />
    </ModalForm>
  )
  const buttons = []
  if (p.canEdit)
    buttons.push(
      <Button key="edit" onClick={() => navigate(`/projects/${p.id}/edit`)}>
        修改
      </Button>,
    )
  if (isApplicant && (p.status === 'draft' || p.status === 'returned'))
    buttons.push(
      <Button key="submit" type="primary" loading={transition.isPending} onClick={() => void move('submitted')}>
        {p.status === 'draft' ? '提交申请' : '重新提交'}
      </Button>,
    )
  if (p.canManage && p.status === 'submitted') {
    if (can('evaluation.manage'))
      buttons.push(
        <Button key="round" type="primary" onClick={() => navigate(`/evaluation-rounds/new?project=${p.id}`)}>
          纳入入库评价
        </Button>,
      )
    buttons.push(reasonForm('returned', '退回修改', false), reasonForm('rejected', '不予入库', true))
  }
  return buttons.length ? buttons : null
}
