import { ModalForm, ProFormTextArea } from '@ant-design/pro-components'
import { App, Button, Popconfirm } from 'antd'
import { errorMessage } from '../../../shared/http'
import { useRespond } from '../api/invitations'
import type { InvitationDetail } from '../api/types'

/** 确认无利益冲突 / 申报回避 / 接受 / 谢绝, as the invitation's status allows. */
export function RespondButtons({ invitation: i }: { invitation: InvitationDetail }) {
  const { message } = App.useApp()
  const respond = useRespond()
  const run = async (step: Parameters<typeof respond.mutateAsync>[0], done: string) => {
    try {
      await respond.mutateAsync(step)
      message.success(done)
      return true
    } catch (error) {
      message.error(errorMessage(error))
      return false
    }
  }
  const declare = (
    <ModalForm<{ note: string }>
      clearOnDestroy
      key="conflict"
      title="申报回避"
      width={480}
      trigger={<Button danger>申报利益冲突（回避）</Button>}
      modalProps={{ destroyOnHidden: true }}
      submitter={{ searchConfig: { submitText: '申报回避', resetText: '取消' } }}
      onFinish={({ note }) => run({ id: i.id, step: 'declare-conflict', note }, '已申报回避，中心将另行安排专家')}
    >
      <ProFormTextArea
        name="note"
        label="利益冲突情况"
        placeholder="如：与项目负责人为师生关系；曾与申报单位合作…"
        rules={[{ required: true, min: 2, message: '请说明利益冲突情况' }]}
        fieldProps={{ rows: 3, maxLength: 500 }}
      />
    </ModalForm>
  )
  const decline = (
    <ModalForm<{ reason: string }>
      clearOnDestroy
      key="decline"
      title="谢绝评审"
      width={480}
      trigger={<Button>谢绝</Button>}
      modalProps={{ destroyOnHidden: true }}
      submitter={{ searchConfig: { submitText: '谢绝', resetText: '取消' } }}
      onFinish={({ reason }) => run({ id: i.id, step: 'decline', reason }, '已谢绝，中心将另行安排专家')}
    >
      <ProFormTextArea
        name="reason"
        label="谢绝原因"
        rules={[{ required: true, min: 2, message: '请说明谢绝原因' }]}
        fieldProps={{ rows: 3, maxLength: 500 }}
      />
    </ModalForm>
  )
  if (i.status === 'invited')
    return (
      <>
        <Popconfirm
          title="确认无利益冲突？"
          description="本人与该项目的申报单位、团队成员及关联企业不存在需要回避的关系。"
          okText="确认"
          cancelText="取消"
          onConfirm={() => run({ id: i.id, step: 'confirm-no-conflict' }, '已确认无利益冲突，可查看项目材料')}
        >
          <Button type="primary" loading={respond.isPending}>
            确认无利益冲突
          </Button>
        </Popconfirm>
        {declare}
        {decline}
      </>
    )
  if (i.status === 'confirmed')
    return (
      <>
        <Button
          type="primary"
          loading={respond.isPending}
          onClick={() => void run({ id: i.id, step: 'accept' }, '已接受评审邀请')}
        >
          接受评审
        </Button>
        {declare}
        {decline}
      </>
    )
  if (i.status === 'accepted') return declare
  return null
}
