import { Card, Typography } from 'antd'
import type { ReactNode } from 'react'
import { BrandMark } from './brand-mark'

const highlights = [
  ['成果与需求汇聚', '科技成果、企业需求、专家与载体资源一库汇聚'],
  ['分阶段概念验证', '原理验证、技术与工艺、产品与场景、商业可行性'],
  ['验证—中试联动', '验证通过的项目对接中试平台，反馈闭环'],
  ['全程留痕可审计', '每一项操作都有审计记录，哈希链防篡改'],
] as const

/** The sign-in screen: a brand panel on wide screens, the form card everywhere. */
export function SignInShell({ children, banner }: { children: ReactNode; banner?: ReactNode }) {
  return (
    <div className="fm-signin">
      <section className="fm-signin-brand">
        <BrandMark />
        <h1>打通科技成果转化的“第一公里”</h1>
        <p className="fm-signin-lead">
          面向市、区县科技管理部门及概念验证中心、中试平台、高校院所、企业、专家与投资机构的一体化服务平台。
        </p>
        <ul>
          {highlights.map(([title, text]) => (
            <li key={title}>
              <strong>{title}</strong>
              <span>{text}</span>
            </li>
          ))}
        </ul>
      </section>
      <main className="fm-signin-main">
        <div className="fm-signin-mobile-brand">
          <BrandMark compact />
        </div>
        {banner}
        <Card className="fm-signin-card" variant="borderless">
          {children}
        </Card>
        <Typography.Paragraph type="secondary" className="fm-signin-footnote">
          本平台仅供授权人员使用，登录及操作均记录审计日志。
        </Typography.Paragraph>
      </main>
    </div>
  )
}
