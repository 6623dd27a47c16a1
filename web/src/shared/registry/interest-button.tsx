import { HeartOutlined, LoginOutlined } from '@ant-design/icons'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { App, Button, type ButtonProps, Input, Modal, Tooltip, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { useLocation, useNavigate, useSearchParams } from 'react-router-dom'
import { errorMessage, http, isApiError } from '../http'
import { useCan, useSession } from '../session'
import { openLeadHint, useOpenLead } from './open-lead'

export type LeadRecordType = 'achievement' | 'demand' | 'scenario' | 'carrier' | 'instrument' | 'enterprise'

export const createLead = (input: { recordType: LeadRecordType; recordId: string; message?: string }) =>
  http.post<{ id: string }>('/leads', input)

/** The address parameter that brings a visitor back from sign-in to finish 我有意向. */
export const INTENT_PARAM = 'intent'

/**
 * 我有意向: a signed-in business user leaves a note and the record's owner receives a lead. A visitor is sent to
 * sign in and comes back to this record with the form open. Hidden on one's own organization's records.
 */
export function InterestButton({
  recordType,
  recordId,
  recordTitle,
  ownerOrgId,
  buttonProps,
}: {
  recordType: LeadRecordType
  recordId: string
  recordTitle: string
  ownerOrgId?: string
  buttonProps?: ButtonProps
}) {
  const { message } = App.useApp()
  const navigate = useNavigate()
  const location = useLocation()
  const [params, setParams] = useSearchParams()
  const session = useSession()
  const can = useCan()
  const queryClient = useQueryClient()
  const [open, setOpen] = useState(false)
  const [note, setNote] = useState('')
  const [sent, setSent] = useState(false)
  const send = useMutation({ mutationFn: createLead })
  const openLead = useOpenLead(recordType, recordId)
  const user = session.data?.user
  const allowed = !!user && can('lead.create') && user.orgId !== ownerOrgId

  // Back from sign-in with ?intent=lead: open the form once, then drop the parameter.
  useEffect(() => {
    if (params.get(INTENT_PARAM) !== 'lead' || session.isPending) return
    if (allowed) setOpen(true)
    setParams(
      (current) => {
        const next = new URLSearchParams(current)
        next.delete(INTENT_PARAM)
        return next
      },
      { replace: true },
    )
  }, [params, session.isPending, allowed, setParams])

  if (session.isPending) return null
  if (!user) {
    const back = new URLSearchParams(location.search)
    back.set(INTENT_PARAM, 'lead')
    const next = `${location.pathname}?${back.toString()}`
    return (
      <Button
        type="primary"
        icon={<LoginOutlined />}
        data-testid="interest"
        {...buttonProps}
        onClick={() => {
          message.info('请先登录，登录后将回到本页完成意向登记')
          navigate(`/sign-in?next=${encodeURIComponent(next)}`)
        }}
      >
        我有意向
      </Button>
    )
  }
  if (!allowed) return null

  const submit = () =>
    send.mutate(
      { recordType, recordId, message: note.trim() || undefined },
      {
        onSuccess: () => {
          setSent(true)
          setOpen(false)
          message.success('意向已发送，对方将在“收到的意向”中看到并与您联系')
          void queryClient.invalidateQueries({ queryKey: ['leads'] })
        },
        onError: (error) => {
          if (isApiError(error) && error.code === 'CONFLICT') {
            setSent(true)
            setOpen(false)
            message.info(error.message)
          } else message.error(errorMessage(error))
        },
      },
    )

  return (
    <>
      <Tooltip title={openLead ? openLeadHint(openLead) : undefined}>
        <Button
          type="primary"
          icon={<HeartOutlined />}
          disabled={sent || !!openLead}
          data-testid="interest"
          {...buttonProps}
          onClick={() => setOpen(true)}
        >
          {sent || openLead ? '已表达意向' : '我有意向'}
        </Button>
      </Tooltip>
      <Modal
        title="我有意向"
        open={open}
        okText="发送意向"
        cancelText="取消"
        confirmLoading={send.isPending}
        onOk={submit}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph>
          向“{recordTitle}”的发布单位表达合作意向。对方会在“收到的意向”中看到您的单位和留言，并与您联系。
        </Typography.Paragraph>
        <Input.TextArea
          data-testid="interest-message"
          rows={4}
          maxLength={500}
          showCount
          placeholder="简要说明您的合作设想（选填）"
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </Modal>
    </>
  )
}
