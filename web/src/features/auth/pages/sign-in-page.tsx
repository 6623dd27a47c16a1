import { Alert, App, Steps, Typography } from 'antd'
import { useState } from 'react'
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom'
import { isApiError } from '../../../shared/http'
import { PageLoading, useDocumentTitle } from '../../../shared/page'
import { useSession, useSessionClient } from '../../../shared/session'
import { useSignIn } from '../api/sign-in'
import { useSubmitChallenge } from '../api/submit-challenge'
import type { Challenge, ChallengeStep, SignInResult } from '../api/types'
import { ChangePasswordStep } from '../components/change-password-step'
import { type Credentials, CredentialsForm } from '../components/credentials-form'
import { SignInShell } from '../components/sign-in-shell'
import { TotpStep } from '../components/totp-step'

const stepTitles: Record<ChallengeStep, string> = {
  changePassword: '设置新密码',
  enrollTotp: '绑定动态口令',
  verifyTotp: '动态口令验证',
}

/** Only same-site paths, so a crafted link cannot send the person elsewhere after signing in. */
function safeNext(value: string | null): string {
  return value?.startsWith('/') && !value.startsWith('//') && !value.startsWith('/sign-in') ? value : '/home'
}

export function SignInPage() {
  useDocumentTitle('登录')
  const navigate = useNavigate()
  const { message } = App.useApp()
  const [params] = useSearchParams()
  const session = useSession()
  const sessionClient = useSessionClient()
  const signIn = useSignIn()
  const answer = useSubmitChallenge()
  const [username, setUsername] = useState('')
  const [challenge, setChallenge] = useState<Challenge | null>(null)
  const [attempt, setAttempt] = useState(0)

  const handle = (result: SignInResult) => {
    if (result.status === 'signedIn') {
      sessionClient.store(result.session)
      message.success(`欢迎，${result.session.user?.displayName ?? ''}`)
      navigate(safeNext(params.get('next')), { replace: true })
      return
    }
    answer.reset()
    setChallenge(result)
  }

  const restart = () => {
    setChallenge(null)
    answer.reset()
    signIn.reset()
  }

  const submitCredentials = (values: Credentials) => {
    setUsername(values.username.trim())
    signIn.mutate({ username: values.username.trim(), password: values.password }, { onSuccess: handle })
  }

  const submitAnswer = (value: { code: string } | { newPassword: string }) => {
    if (!challenge) return
    answer.mutate(
      { challengeToken: challenge.challengeToken, ...value },
      {
        onSuccess: handle,
        onError: (error) => {
          setAttempt((n) => n + 1)
          // The challenge itself has expired or was used up: start again from the password.
          if (isApiError(error) && (error.code === 'UNAUTHENTICATED' || error.code === 'SESSION_EXPIRED')) {
            restart()
            message.warning(error.message)
          }
        },
      },
    )
  }

  if (session.isPending) return <PageLoading />
  if (session.data?.user) return <Navigate to={safeNext(params.get('next'))} replace />

  const warnings = session.data?.warnings ?? []
  const banner = (
    <>
      {warnings.map((text) => (
        <Alert key={text} type="warning" showIcon className="fm-signin-banner" message={text} />
      ))}
    </>
  )

  return (
    <SignInShell banner={banner}>
      <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
        {challenge ? stepTitles[challenge.step] : '账号登录'}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {challenge ? `账号：${username}` : '请使用单位分配的账号登录'}
      </Typography.Paragraph>
      <Steps
        size="small"
        current={challenge ? 1 : 0}
        responsive={false}
        style={{ marginBottom: 24 }}
        items={[
          { title: '账号密码' },
          { title: challenge ? stepTitles[challenge.step] : '安全验证' },
          { title: '进入平台' },
        ]}
      />
      {challenge === null ? (
        <CredentialsForm onSubmit={submitCredentials} pending={signIn.isPending} error={signIn.error} />
      ) : challenge.step === 'changePassword' ? (
        <ChangePasswordStep
          key={challenge.challengeToken}
          challenge={challenge}
          username={username}
          pending={answer.isPending}
          error={answer.error}
          onSubmit={(newPassword) => submitAnswer({ newPassword })}
        />
      ) : (
        <TotpStep
          key={`${challenge.challengeToken}-${attempt}`}
          challenge={challenge}
          pending={answer.isPending}
          error={answer.error}
          onSubmit={(code) => submitAnswer({ code })}
        />
      )}
      {challenge ? (
        <Typography.Link onClick={restart} style={{ display: 'inline-block', marginTop: 16 }}>
          返回重新登录
        </Typography.Link>
      ) : null}
    </SignInShell>
  )
}
