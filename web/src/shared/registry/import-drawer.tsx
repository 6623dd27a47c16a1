import { CheckCircleOutlined, DownloadOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons'
import { useMutation } from '@tanstack/react-query'
import { Alert, App, Button, Drawer, Grid, Result, Space, Statistic, Steps, Table, Typography, Upload } from 'antd'
import { cloneElement, type ReactElement, useState } from 'react'
import { saveBlob } from '../format'
import { errorMessage, http } from '../http'
import { type ImportWarning, ImportWarnings } from './import-warnings'

/** What the server answers an import with (`POST …/import?mode=dryRun|commit`). */
export type ImportReport = {
  total: number
  valid: number
  errors: { row: number; column: string; reason: string }[]
  /** Near-duplicates: shown apart from the errors; they do not stop the import. */
  warnings: ImportWarning[]
  committed: boolean
  created?: number
  updated?: number
  unchanged?: number
}

type Props = {
  /** API path of the registry, e.g. `/achievements`. */
  base: string
  /** 科技成果, 技术需求 … */
  label: string
  trigger: ReactElement<{ onClick?: () => void }>
  onImported: () => void
}

/**
 * 批量导入: download the template, upload a filled .xlsx or .csv, see every problem of every row (row, column,
 * reason) and the near-duplicates from a dry run that writes nothing, then commit all rows at once.
 */
export function ImportDrawer({ base, label, trigger, onImported }: Props) {
  const { message } = App.useApp()
  const screens = Grid.useBreakpoint()
  const [open, setOpen] = useState(false)
  const [file, setFile] = useState<File | null>(null)
  const [report, setReport] = useState<ImportReport | null>(null)
  const template = useMutation({ mutationFn: () => http.download(`${base}/import-template`) })
  const run = useMutation({
    mutationFn: (mode: 'dryRun' | 'commit') =>
      http.upload<ImportReport>(`${base}/import`, file as File, (file as File).name, { mode }),
  })

  const reset = () => {
    setFile(null)
    setReport(null)
    run.reset()
  }
  const downloadTemplate = () =>
    template.mutate(undefined, {
      onSuccess: ({ blob, fileName }) => saveBlob(blob, fileName ?? `${label}导入模板.xlsx`),
      onError: (error) => message.error(errorMessage(error)),
    })
  const check = () =>
    run.mutate('dryRun', { onSuccess: setReport, onError: (error) => message.error(errorMessage(error)) })
  const commit = () =>
    run.mutate('commit', {
      onSuccess: (result) => {
        setReport(result)
        message.success(`导入完成：新增 ${result.created ?? 0} 条，更新 ${result.updated ?? 0} 条`)
        onImported()
      },
      onError: (error) => message.error(errorMessage(error)),
    })

  const step = report?.committed ? 3 : report ? 2 : file ? 1 : 0
  const canCommit = report !== null && !report.committed && report.errors.length === 0 && report.valid > 0

  return (
    <>
      {cloneElement(trigger, { onClick: () => setOpen(true) })}
      <Drawer
        title={`批量导入${label}`}
        open={open}
        width={screens.md ? 720 : '100%'}
        onClose={() => {
          setOpen(false)
          reset()
        }}
        destroyOnHidden
        extra={
          <Button icon={<DownloadOutlined />} loading={template.isPending} onClick={downloadTemplate}>
            下载模板
          </Button>
        }
        footer={
          report?.committed ? null : (
            <Space wrap style={{ justifyContent: 'flex-end', width: '100%' }}>
              <Button onClick={reset} disabled={!file}>
                重新选择文件
              </Button>
              <Button
                data-testid="import-check"
                icon={<CheckCircleOutlined />}
                disabled={!file}
                loading={run.isPending && run.variables === 'dryRun'}
                onClick={check}
              >
                校验（不写入）
              </Button>
              <Button
                data-testid="import-commit"
                type="primary"
                icon={<UploadOutlined />}
                disabled={!canCommit}
                loading={run.isPending && run.variables === 'commit'}
                onClick={commit}
              >
                确认导入
              </Button>
            </Space>
          )
        }
      >
        <Steps
          size="small"
          current={step}
          style={{ marginBottom: 20 }}
          direction={screens.sm ? 'horizontal' : 'vertical'}
          items={[{ title: '下载模板' }, { title: '上传文件' }, { title: '校验报告' }, { title: '完成导入' }]}
        />
        {report?.committed ? (
          <Result
            status="success"
            title="导入完成"
            subTitle={`共 ${report.total} 行：新增 ${report.created ?? 0} 条，更新 ${report.updated ?? 0} 条，未变化 ${report.unchanged ?? 0} 条`}
            extra={
              <Button type="primary" onClick={reset}>
                继续导入
              </Button>
            }
          />
        ) : (
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
              按模板填写后上传 .xlsx 或 .csv 文件（不超过 10
              MB）。先校验：校验只检查、不写入；全部行无误后才能确认导入，
              导入在一个事务中完成，要么全部写入，要么都不写入；重复导入同一文件不会产生重复记录。
              与已有记录相似的行会提示“疑似重复”，不影响导入。
            </Typography.Paragraph>
            <Upload.Dragger
              accept=".xlsx,.csv"
              maxCount={1}
              data-testid="import-upload"
              fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
              beforeUpload={(picked) => {
                setFile(picked)
                setReport(null)
                return false
              }}
              onRemove={() => reset()}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">点击或拖拽文件到此处</p>
              <p className="ant-upload-hint">仅支持 .xlsx、.csv</p>
            </Upload.Dragger>
            {report ? <ImportReportView report={report} /> : null}
            {report ? <ImportWarnings warnings={report.warnings ?? []} base={base} /> : null}
          </Space>
        )}
      </Drawer>
    </>
  )
}

function ImportReportView({ report }: { report: ImportReport }) {
  const bad = new Set(report.errors.map((e) => e.row)).size
  return (
    <div data-testid="import-report">
      <Space size={32} wrap style={{ marginBottom: 12 }}>
        <Statistic title="数据行" value={report.total} />
        <Statistic title="可导入" value={report.valid} valueStyle={{ color: '#389e0d' }} />
        <Statistic title="有问题的行" value={bad} valueStyle={bad ? { color: '#cf1322' } : undefined} />
      </Space>
      {report.errors.length ? (
        <>
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            message={`发现 ${report.errors.length} 处问题，本次未写入任何数据`}
            description="请按下表修改文件后重新上传校验。"
          />
          <Table
            size="small"
            rowKey={(e) => `${e.row}-${e.column}-${e.reason}`}
            dataSource={report.errors}
            pagination={report.errors.length > 10 ? { pageSize: 10, size: 'small' } : false}
            columns={[
              { title: '行号', dataIndex: 'row', width: 70 },
              { title: '列', dataIndex: 'column', width: 140 },
              { title: '原因', dataIndex: 'reason' },
            ]}
          />
        </>
      ) : report.valid > 0 ? (
        <Alert type="success" showIcon message={`校验通过：${report.valid} 行均可导入，请点击“确认导入”`} />
      ) : (
        <Alert type="warning" showIcon message="文件中没有数据行" />
      )}
    </div>
  )
}
