import { PrinterOutlined } from '@ant-design/icons'
import { Alert, Button, Result, Space, Spin } from 'antd'
import { useParams } from 'react-router-dom'
import { errorMessage, isApiError } from '../../../shared/http'
import { formatFen } from '../../../shared/money'
import { useDocumentTitle } from '../../../shared/page'
import { useReportCheck } from '../api/report'
import type { ReportCheck } from '../api/types'
import type { ReportContent } from '../components/report-content'
import '../components/verification.css'

function StageSection({ stage }: { stage: NonNullable<ReportContent['stages']>[number] }) {
  return (
    <section data-testid="print-stage">
      <h2>
        {stage.label} · {stage.status}
      </h2>
      {stage.skipReason ? <p>跳过原因：{stage.skipReason}</p> : null}
      {stage.status !== '已跳过' ? (
        <p>
          拨付 {formatFen(stage.budgetFen ?? 0)}，已支出 {formatFen(stage.spentFen ?? 0)}
        </p>
      ) : null}
      {stage.milestones?.length ? (
        <table>
          <thead>
            <tr>
              <th>里程碑</th>
              <th>计划</th>
              <th>完成</th>
            </tr>
          </thead>
          <tbody>
            {stage.milestones.map((m) => (
              <tr key={`${m.title}${m.dueDate}`}>
                <td>{m.title}</td>
                <td>{m.dueDate}</td>
                <td>{m.doneDate ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {stage.deliverables?.length ? (
        <>
          <p>交付成果：</p>
          <ul>
            {stage.deliverables.map((d) => (
              <li key={d.sm3}>
                {d.title}（{d.fileName}，{d.sizeBytes} 字节）
                <br />
                <code>SM3 {d.sm3}</code>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {stage.delegations?.length ? (
        <ul>
          {stage.delegations.map((d) => (
            <li key={`${d.provider}${d.work}${d.performedOn}`}>
              代工：{d.provider}
              {d.instrument ? `（${d.instrument}）` : ''}——{d.work}，{formatFen(d.costFen ?? 0)}，{d.performedOn}
            </li>
          ))}
        </ul>
      ) : null}
      {stage.gates?.map((g) => (
        <p key={g.round}>
          第 {g.round} 轮评审：<b>{g.decision}</b>（{g.director}，{g.decidedOn}）{g.reasons}
          {g.conditions?.map((c) => (
            <span key={c.text}>
              <br />
              条件：{c.text}
              {c.resolvedOn ? `（已于 ${c.resolvedOn} 落实）` : '（待落实）'}
            </span>
          ))}
        </p>
      ))}
    </section>
  )
}

function Printed({ check }: { check: ReportCheck }) {
  const report = check.report as ReportContent | null
  return (
    <article className="fm-report-page" data-testid="report-print">
      <Space className="fm-no-print" style={{ marginBottom: 16 }} wrap>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          打印
        </Button>
        <a href={`/report-check?code=${check.code}`}>在线核验</a>
      </Space>
      <h1>{check.kindLabel}</h1>
      <p className="fm-report-code">
        验证码：<b data-testid="print-code">{check.code}</b>　出具日期：{check.issuedOn}
      </p>
      {!check.valid ? (
        <Alert
          type="error"
          showIcon
          message={
            !check.authentic
              ? check.problems.join('；')
              : check.supersededBy
                ? `本报告已被 ${check.supersededBy} 取代`
                : `该项目的验证已于 ${check.reopenedOn ?? '—'} 重新开启，本报告不再现行有效`
          }
        />
      ) : null}
      {report ? (
        <>
          <h2>项目基本情况</h2>
          <table>
            <tbody>
              <tr>
                <th style={{ width: 110 }}>项目名称</th>
                <td>{report.project?.title}</td>
              </tr>
              <tr>
                <th>申报单位</th>
                <td>{report.project?.applicant}</td>
              </tr>
              <tr>
                <th>所在地区</th>
                <td>{report.project?.area}</td>
              </tr>
              <tr>
                <th>产业领域</th>
                <td>{(report.project?.industries ?? []).join('、') || '—'}</td>
              </tr>
              <tr>
                <th>出具机构</th>
                <td>{report.center?.name}</td>
              </tr>
            </tbody>
          </table>
          {(report.stages ?? []).map((s) => (
            <StageSection key={s.label} stage={s} />
          ))}
          <h2>验证结论</h2>
          <p>
            <b>{report.conclusion}</b>
          </p>
          {report.openConditions?.length ? (
            <ul>
              {report.openConditions.map((c) => (
                <li key={`${c.stage}${c.text}`}>
                  待落实：{c.stage}——{c.text}
                  {c.dueDate ? `（${c.dueDate} 前）` : ''}
                </li>
              ))}
            </ul>
          ) : null}
          <p style={{ textAlign: 'right', marginTop: 32 }}>
            {report.center?.name}
            <br />
            {report.signedBy?.name}（{report.signedBy?.role}）　{check.issuedOn}
          </p>
        </>
      ) : (
        <>
          <p>项目：{check.projectTitle}</p>
          <p>出具机构：{check.centerName}</p>
          <p>验证结论：{check.conclusion ?? '—'}</p>
          <p className="fm-no-print">报告全文向概念验证中心及项目相关方开放，请登录后查看。</p>
        </>
      )}
      <p>
        报告摘要（SM3）：<code>{check.digest}</code>
      </p>
      <p style={{ fontSize: 12, color: '#595959' }}>
        本报告可在首公里平台“报告核验”中凭验证码核验真伪与有效性（结果互认）。
      </p>
    </article>
  )
}

/** The printable report: no menu, one column, a print button that disappears on paper. */
export function ReportPrintPage() {
  const { code = '' } = useParams()
  const query = useReportCheck(code)
  useDocumentTitle(query.data ? `${query.data.kindLabel} ${query.data.code}` : '验证报告')
  if (query.isPending)
    return (
      <div style={{ padding: 96, textAlign: 'center' }}>
        <Spin size="large" />
      </div>
    )
  if (query.isError)
    return (
      <Result
        status={isApiError(query.error) && query.error.status === 404 ? '404' : 'error'}
        title={isApiError(query.error) && query.error.status === 404 ? '未找到该验证码对应的报告' : '无法打开报告'}
        subTitle={errorMessage(query.error)}
      />
    )
  return <Printed check={query.data} />
}
