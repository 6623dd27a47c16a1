import { Alert } from 'antd'
import type { Problem } from './form-problems'

/** The server's reasons for refusing a form, listed together (each is also shown under its field). */
export function ProblemAlert({ problems, message }: { problems: readonly Problem[]; message?: string | null }) {
  if (!problems.length && !message) return null
  return (
    <Alert
      type="error"
      showIcon
      data-testid="form-problems"
      style={{ marginBottom: 16 }}
      message={problems.length ? `有 ${problems.length} 处需要修改` : message}
      description={
        problems.length ? (
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {problems.map((p) => (
              <li key={`${p.name.join('.')}:${p.message}`}>
                {p.label}：{p.message}
              </li>
            ))}
          </ul>
        ) : undefined
      }
    />
  )
}
