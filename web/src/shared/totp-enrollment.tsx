import { QRCode, Space, Typography } from 'antd'

/** Groups a base32 secret in fours so a person can type it without losing their place. */
export function groupSecret(secret: string): string {
  return secret.replace(/(.{4})/g, '$1 ').trim()
}

/** What an authenticator app needs: a QR code of the otpauth URI, the secret, and the URI as text. */
export function TotpEnrollmentPanel({ secret, otpauthUri }: { secret: string; otpauthUri: string }) {
  return (
    <div data-testid="totp-enrollment" style={{ maxWidth: 560 }}>
      <Space align="start" size={16} wrap>
        <QRCode value={otpauthUri} size={168} bordered errorLevel="M" />
        <div style={{ maxWidth: 260 }}>
          <Typography.Paragraph style={{ marginBottom: 6 }}>
            用身份验证器（如 Microsoft Authenticator、Google
            Authenticator、FreeOTP）扫描二维码；无法扫描时手动输入密钥：
          </Typography.Paragraph>
          <Typography.Paragraph
            copyable={{ text: secret, tooltips: ['复制密钥', '已复制'] }}
            className="fm-mono"
            strong
            style={{ fontSize: 15, marginBottom: 4 }}
            data-testid="totp-secret"
          >
            {groupSecret(secret)}
          </Typography.Paragraph>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            类型：基于时间（TOTP），6 位数字，30 秒刷新
          </Typography.Text>
        </div>
      </Space>
      <Typography.Paragraph
        type="secondary"
        copyable={{ text: otpauthUri, tooltips: ['复制链接', '已复制'] }}
        style={{ fontSize: 12, wordBreak: 'break-all', marginTop: 12, marginBottom: 0 }}
        data-testid="totp-uri"
      >
        {otpauthUri}
      </Typography.Paragraph>
    </div>
  )
}
