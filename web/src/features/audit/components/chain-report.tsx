import { Descriptions, Result, Typography } from 'antd'
import type { ChainReport } from '../api/types'

export function ChainReportView({ report }: { report: ChainReport }) {
  return (
    <div data-testid="chain-report">
      <Result
        status={report.ok ? 'success' : 'error'}
        title={report.ok ? '哈希链完整' : '发现篡改痕迹'}
        subTitle={
          report.ok
            ? `已逐条校验 ${report.count} 条审计记录，未发现修改、删除或顺序调整。`
            : `共 ${report.count} 条记录，校验在第 ${report.break?.seq ?? '?'} 条处中断，请立即上报。`
        }
        style={{ padding: '8px 0 16px' }}
      />
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label="校验记录数">{report.count}</Descriptions.Item>
        {report.head ? (
          <Descriptions.Item label="链头哈希（SM3）">
            <Typography.Text className="fm-mono" copyable style={{ wordBreak: 'break-all', fontSize: 12 }}>
              {report.head}
            </Typography.Text>
          </Descriptions.Item>
        ) : null}
        {report.break ? (
          <Descriptions.Item label="中断位置">
            第 {report.break.seq} 条：{report.break.reason}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
    </div>
  )
}
