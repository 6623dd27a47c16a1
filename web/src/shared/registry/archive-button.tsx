import { InboxOutlined, RollbackOutlined } from '@ant-design/icons'
import { App, Button, Popconfirm } from 'antd'
import { errorMessage } from '../http'

/** 归档 / 恢复 with a confirmation: an archived record leaves search and matching, and keeps its history. */
export function ArchiveButton({
  archived,
  noun,
  loading,
  onToggle,
  note,
}: {
  archived: boolean
  /** 成果, 需求, 场景 */
  noun: string
  loading: boolean
  /** What else happens, e.g. a carrier's instruments follow it. */
  note?: string
  onToggle: () => Promise<unknown>
}) {
  const { message } = App.useApp()
  const toggle = async () => {
    try {
      await onToggle()
      message.success(archived ? `已恢复，${noun}重新参与检索与匹配` : `已归档，${noun}不再参与检索与匹配`)
    } catch (error) {
      message.error(errorMessage(error))
    }
  }
  return (
    <Popconfirm
      title={archived ? `恢复这条${noun}？` : `归档这条${noun}？`}
      description={`${archived ? '恢复后重新参与检索与匹配。' : '归档后不再参与检索与匹配，可随时恢复。'}${note ?? ''}`}
      okText="确定"
      cancelText="取消"
      onConfirm={() => void toggle()}
    >
      <Button icon={archived ? <RollbackOutlined /> : <InboxOutlined />} loading={loading} data-testid="archive">
        {archived ? '恢复' : '归档'}
      </Button>
    </Popconfirm>
  )
}
