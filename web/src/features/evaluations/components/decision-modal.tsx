import { ModalForm, ProFormRadio, ProFormTextArea } from '@ant-design/pro-components'
import { Alert, App, Button, Form } from 'antd'
import { errorMessage } from '../../../shared/http'
import { placeServerProblems } from '../../../shared/registry/form-problems'
import { useDecideProject } from '../api/results'
import type { ResultItem } from '../api/types'

type Values = { decision: 'admitted' | 'rejected'; reason?: string }

/** 入库 / 不予入库 with a reason; the server records the score, rank and threshold as the explanation. */
export function DecisionButton({
  roundId,
  item,
  threshold,
}: {
  roundId: string
  item: ResultItem
  threshold: number | null
}) {
  const { message, modal } = App.useApp()
  const [form] = Form.useForm<Values>()
  const decide = useDecideProject()
  const score = item.normalizedMean
  const suggested = threshold !== null && score !== null ? (score >= threshold ? 'admitted' : 'rejected') : 'admitted'
  return (
    <ModalForm<Values>
      clearOnDestroy
      form={form}
      title={`入库决定 · ${item.title}`}
      width={520}
      trigger={
        <Button type="primary" size="small" disabled={item.rank === null} data-testid="decide">
          作出决定
        </Button>
      }
      modalProps={{ destroyOnHidden: true }}
      initialValues={{ decision: suggested }}
      submitter={{ searchConfig: { submitText: '确定', resetText: '取消' } }}
      onFinish={async (values) => {
        try {
          const result = await decide.mutateAsync({ id: roundId, projectId: item.projectId, ...values })
          message.success(`已决定：${result.decisionLabel}`)
          modal.info({ title: '决定已记录', content: <span className="fm-detail-text">{result.explanation}</span> })
          return true
        } catch (error) {
          placeServerProblems(form, error, { reason: '决定理由', decision: '决定' })
          message.error(errorMessage(error))
          return false
        }
      }}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message={`排名第 ${item.rank ?? '—'} · 标准化得分 ${score?.toFixed(2) ?? '—'}${threshold !== null ? ` · 入库分数线 ${threshold}` : ' · 本轮未设分数线'}`}
        description={item.pending ? `尚有 ${item.pending} 份评审未提交，截止前不能作出决定` : undefined}
      />
      <ProFormRadio.Group
        name="decision"
        label="决定"
        radioType="button"
        options={[
          { value: 'admitted', label: '入库' },
          { value: 'rejected', label: '不予入库' },
        ]}
      />
      <ProFormTextArea
        name="reason"
        label="决定理由"
        extra="与分数线一致时可不填；未设分数线或与分数线不一致时必须说明"
        fieldProps={{ rows: 3, maxLength: 1000, showCount: true }}
      />
    </ModalForm>
  )
}
