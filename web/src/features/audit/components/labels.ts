import type { AuditOutcome } from '../api/types'

/** Chinese names for the actions the server records; an unknown action shows its code. */
export const actionLabels: Record<string, string> = {
  'auth.signIn': '登录',
  'auth.signIn.challenge': '登录验证',
  'auth.signOut': '退出登录',
  'auth.lock': '账号锁定',
  'auth.session.end': '会话结束',
  'auth.totp.verify': '动态口令验证',
  'authz.denied': '越权访问',
  'account.password.change': '修改密码',
  'account.totp.enrollStart': '开始绑定动态口令',
  'account.totp.enroll': '绑定动态口令',
  'account.totp.disable': '关闭两步验证',
  'user.create': '创建账号',
  'user.update': '修改账号',
  'user.disable': '停用账号',
  'user.enable': '启用账号',
  'user.unlock': '解锁账号',
  'user.resetCredentials': '重置凭据',
  'organization.create': '创建机构',
  'organization.update': '修改机构',
  'security.policy.update': '修改密码策略',
  'calendar.loadYear': '导入节假日安排',
  'audit.export': '导出审计日志',
  'audit.verify': '校验哈希链',
  'demo.seed': '生成演示数据',
}

export const actionLabel = (action: string) => actionLabels[action] ?? action

export const outcomeLabels: Record<
  AuditOutcome,
  { text: string; color: string; status: 'Success' | 'Warning' | 'Error' }
> = {
  success: { text: '成功', color: 'success', status: 'Success' },
  failure: { text: '失败', color: 'warning', status: 'Warning' },
  denied: { text: '拒绝', color: 'error', status: 'Error' },
}
