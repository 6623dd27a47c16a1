import { Button, Result } from 'antd'

export function ServerUnavailable({ onRetry }: { onRetry: () => void }) {
  return (
    <Result
      status="500"
      title="暂时无法连接服务器"
      subTitle="平台服务可能正在维护或网络不通，请稍后重试。"
      extra={
        <Button type="primary" onClick={onRetry}>
          重试
        </Button>
      }
    />
  )
}
