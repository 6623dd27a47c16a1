import type { ReportCheck } from './contracts'

const html = (value: unknown) =>
  String(value ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  )
const yuan = (fen: unknown) => `${(Number(fen ?? 0) / 100).toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 元`

type Printed = {
  center?: { name?: string }
  project?: { title?: string; applicant?: string; area?: string; industries?: string[] }
  signedBy?: { name?: string; role?: string }
  conclusion?: string
  stages?: {
    label?: string
    status?: string
    skipReason?: string | null
    budgetFen?: number
    spentFen?: number
    gates?: { round?: number; decision?: string; reasons?: string; director?: string; decidedOn?: string }[]
    deliverables?: { title?: string; fileName?: string; sizeBytes?: number; sm3?: string }[]
    delegations?: { provider?: string; instrument?: string | null; work?: string; costFen?: number }[]
  }[]
  openConditions?: { stage?: string; text?: string; dueDate?: string | null }[]
}

function stageSection(stage: NonNullable<Printed['stages']>[number]): string {
  const gates = (stage.gates ?? [])
    .map(
      (g) =>
        `<li>第 ${html(g.round)} 轮：<b>${html(g.decision)}</b>（${html(g.director)}，${html(g.decidedOn)}）${html(g.reasons)}</li>`,
    )
    .join('')
  const files = (stage.deliverables ?? [])
    .map(
      (d) =>
        `<li>${html(d.title)}（${html(d.fileName)}，${html(d.sizeBytes)} 字节）<br><code>SM3 ${html(d.sm3)}</code></li>`,
    )
    .join('')
  const delegated = (stage.delegations ?? [])
    .map(
      (d) =>
        `<li>代工：${html(d.provider)}${d.instrument ? `（${html(d.instrument)}）` : ''}——${html(d.work)}，${yuan(d.costFen)}</li>`,
    )
    .join('')
  return `<section><h3>${html(stage.label)} · ${html(stage.status)}</h3>
${stage.skipReason ? `<p>跳过原因：${html(stage.skipReason)}</p>` : ''}
<p>预算 ${yuan(stage.budgetFen)}，已支出 ${yuan(stage.spentFen)}</p>
${gates ? `<ul>${gates}</ul>` : ''}${files ? `<p>交付成果</p><ul>${files}</ul>` : ''}${delegated ? `<ul>${delegated}</ul>` : ''}</section>`
}

/** The printable report page: the whole report for those who may read it, the facts and validity for others. */
export function renderReportPage(check: ReportCheck): string {
  const report = (check.report ?? {}) as Printed
  const verdict = check.valid
    ? '<p class="ok">✔ 验证通过：报告真实有效</p>'
    : `<p class="bad">✘ ${!check.authentic ? '报告未通过验证' : check.supersededBy ? '报告真实，但已被新报告取代' : '报告真实，但该项目的验证已重新开启，本报告不再现行有效'}</p>`
  const body = check.report
    ? `<p>项目：${html(report.project?.title)}（${html(report.project?.applicant)}，${html(report.project?.area)}）</p>
<p>产业领域：${html((report.project?.industries ?? []).join('、'))}</p>
${(report.stages ?? []).map(stageSection).join('\n')}
<p>结论：<b>${html(report.conclusion)}</b></p>
${(report.openConditions ?? []).length ? `<p>待落实条件：</p><ul>${(report.openConditions ?? []).map((c) => `<li>${html(c.stage)}：${html(c.text)}${c.dueDate ? `（${html(c.dueDate)} 前）` : ''}</li>`).join('')}</ul>` : ''}
<p>签发：${html(report.center?.name)}　${html(report.signedBy?.name)}（${html(report.signedBy?.role)}）</p>`
    : `<p>项目：${html(check.projectTitle)}</p><p>出具机构：${html(check.centerName)}</p><p>结论：<b>${html(check.conclusion ?? '—')}</b></p>`
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${html(check.kindLabel)} ${html(check.code)}</title>
<style>body{font-family:"Noto Serif CJK SC","SimSun",serif;max-width:800px;margin:2em auto;line-height:1.6}h1{text-align:center}
code{font-size:11px;word-break:break-all}.ok{color:#237804}.bad{color:#a8071a}@media print{.noprint{display:none}}</style></head>
<body><h1>${html(check.kindLabel)}</h1>
<p>验证码：<b>${html(check.code)}</b>　出具日期：${html(check.issuedOn)}</p>
${verdict}${check.problems.map((p) => `<p class="bad">${html(p)}</p>`).join('')}
${check.reopenedOn ? `<p>出具机构已于 ${html(check.reopenedOn)} 重新开启该项目的验证</p>` : ''}
${check.supersededBy ? `<p>已被 ${html(check.supersededBy)} 取代</p>` : ''}
${body}
<p>报告摘要（SM3）：<code>${html(check.digest)}</code></p>
<p class="noprint">任何人可在首公里平台输入验证码核验本报告（结果互认）。</p></body></html>`
}
