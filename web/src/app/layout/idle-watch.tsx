import { App } from 'antd'
import { useEffect, useRef } from 'react'
import { useNavigate } from 'react-router-dom'
import { useSignOut } from '../../features/auth/api/sign-out'
import { lastServerActivity } from '../../shared/http'
import { useSession } from '../../shared/session'

const WARN_BEFORE_MS = 60_000

/**
 * The server ends a session after its idle timeout (15 min for staff and administrators, 30 for others).
 * The page follows: a warning a minute before, then back to sign-in, so nothing stays on an unattended screen.
 */
export function IdleWatch() {
  const { data, refetch } = useSession()
  const { modal, message } = App.useApp()
  const navigate = useNavigate()
  const signOut = useSignOut()
  const warning = useRef<{ destroy: () => void } | null>(null)
  const idleMs = (data?.idleTimeoutSeconds ?? 0) * 1000
  // The latest callbacks, so the timer is set up once per timeout rather than on every render.
  const latest = useRef({ signOut, refetch, navigate, modal, message })
  latest.current = { signOut, refetch, navigate, modal, message }

  useEffect(() => {
    if (!idleMs) return
    const timer = window.setInterval(() => {
      const { signOut, refetch, navigate, modal, message } = latest.current
      const idleFor = Date.now() - lastServerActivity()
      if (idleFor >= idleMs) {
        warning.current?.destroy()
        warning.current = null
        window.clearInterval(timer)
        signOut.mutate(undefined, {
          onSettled: () => {
            message.warning(`您已超过 ${Math.round(idleMs / 60_000)} 分钟未操作，为保障安全已自动退出`)
            navigate('/sign-in', { replace: true })
          },
        })
      } else if (idleFor >= idleMs - WARN_BEFORE_MS && !warning.current) {
        warning.current = modal.warning({
          title: '即将自动退出',
          content: '您已较长时间未操作，1 分钟后将自动退出登录。如需继续使用，请点击“继续使用”。',
          okText: '继续使用',
          onOk: () => {
            warning.current = null
            void refetch()
          },
        })
      }
    }, 5_000)
    return () => window.clearInterval(timer)
  }, [idleMs])

  return null
}
