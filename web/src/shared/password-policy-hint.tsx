import { CheckCircleFilled, CloseCircleFilled, InfoCircleOutlined } from '@ant-design/icons'
import { Space, Typography } from 'antd'
import { DEFAULT_PASSWORD_POLICY, type PasswordPolicy, passwordProblems } from './server-rules'

type Rule = { key: string; text: string; met: boolean | undefined }

function rulesOf(policy: PasswordPolicy, password: string, username: string): Rule[] {
  const typed = password.length > 0
  const problems = typed ? passwordProblems(password, username, policy) : []
  const has = (prefix: string) => !problems.some((p) => p.startsWith(prefix))
  const rules: Rule[] = [
    { key: 'length', text: `长度至少 ${policy.minLength} 位`, met: typed ? has('长度至少') : undefined },
    {
      key: 'classes',
      text: `至少包含大写字母、小写字母、数字、符号中的 ${policy.minClasses} 类`,
      met: typed ? has('至少包含') : undefined,
    },
  ]
  if (policy.forbidUsername) {
    rules.push({ key: 'username', text: '不得包含用户名', met: typed && username ? has('不得包含') : undefined })
  }
  if (policy.historyCount > 0) {
    rules.push({ key: 'history', text: `不得与最近 ${policy.historyCount} 次使用过的密码相同`, met: undefined })
  }
  if (policy.maxAgeDays > 0) {
    rules.push({ key: 'age', text: `有效期 ${policy.maxAgeDays} 天，到期后需重新设置`, met: undefined })
  }
  return rules
}

function RuleIcon({ met }: { met: boolean | undefined }) {
  if (met === true) return <CheckCircleFilled style={{ color: '#52c41a' }} />
  if (met === false) return <CloseCircleFilled style={{ color: '#ff4d4f' }} />
  return <InfoCircleOutlined style={{ color: '#8c8c8c' }} />
}

/** The password policy as a checklist that ticks as the person types. */
export function PasswordPolicyHint({
  policy,
  password = '',
  username = '',
}: {
  policy?: PasswordPolicy | undefined
  password?: string
  username?: string
}) {
  const rules = rulesOf(policy ?? DEFAULT_PASSWORD_POLICY, password, username)
  return (
    <div
      data-testid="password-policy"
      style={{ background: '#f6f8fc', border: '1px solid #e3e9f5', borderRadius: 6, padding: '10px 12px' }}
    >
      <Typography.Text strong style={{ fontSize: 13 }}>
        密码要求
      </Typography.Text>
      <Space direction="vertical" size={2} style={{ display: 'flex', marginTop: 6 }}>
        {rules.map((rule) => (
          <Space key={rule.key} size={6} style={{ fontSize: 13 }}>
            <RuleIcon met={rule.met} />
            <span>{rule.text}</span>
          </Space>
        ))}
      </Space>
    </div>
  )
}
