import { Input } from 'antd'

/** Six boxes for a 6-digit code; digits only. Submits by itself once all six are typed. */
export function TotpCodeInput({
  value,
  onChange,
  onComplete,
  disabled,
}: {
  value?: string
  onChange?: (value: string) => void
  onComplete?: (value: string) => void
  disabled?: boolean
}) {
  return (
    <Input.OTP
      length={6}
      size="large"
      value={value}
      disabled={disabled}
      formatter={(text) => text.replace(/\D/g, '')}
      onInput={(cells) => onChange?.(cells.join(''))}
      onChange={(text) => {
        onChange?.(text)
        if (/^\d{6}$/.test(text)) onComplete?.(text)
      }}
      aria-label="6 位动态验证码"
      data-testid="totp-input"
    />
  )
}
