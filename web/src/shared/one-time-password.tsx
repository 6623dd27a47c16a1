import { Alert, Typography } from 'antd'

/** A password the server shows once: large, copyable, with the warning that it will not be shown again. */
export function OneTimePassword({ username, password }: { username: string; password: string }) {
  return (
    <div data-testid="one-time-password">
      <Typography.Paragraph>
        账号 <Typography.Text strong>{username}</Typography.Text> 的初始密码：
      </Typography.Paragraph>
      <Typography.Paragraph
        copyable={{ text: password, tooltips: ['复制密码', '已复制'] }}
        className="fm-mono"
        style={{ fontSize: 22, fontWeight: 600, background: '#f6f8fc', padding: '10px 14px', borderRadius: 6 }}
        data-testid="initial-password"
      >
        {password}
      </Typography.Paragraph>
      <Alert
        type="warning"
        showIcon
        message="此密码仅显示这一次"
        description="请通过安全渠道告知本人。对方首次登录时须修改密码；关闭本窗口后将无法再次查看。"
      />
    </div>
  )
}
