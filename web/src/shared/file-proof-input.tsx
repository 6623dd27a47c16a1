import { CheckCircleFilled, PaperClipOutlined } from '@ant-design/icons'
import { Button, Space, Typography, Upload } from 'antd'
import { useState } from 'react'
import { type FileProof, fileProof, formatBytes } from './file-digest'

/**
 * A form field holding a document's proof (name, type, size, SHA-256): the file is read in the browser to compute
 * its digest and is not uploaded. Works as an antd Form item's control (`value` / `onChange`).
 */
export function FileProofInput({
  value,
  onChange,
  buttonText = '选择文件',
  testId,
}: {
  value?: FileProof
  onChange?: (proof: FileProof | undefined) => void
  buttonText?: string
  testId?: string
}) {
  const [reading, setReading] = useState(false)
  return (
    <Space direction="vertical" size={4} style={{ display: 'flex' }} data-testid={testId}>
      <Upload
        showUploadList={false}
        maxCount={1}
        beforeUpload={(file) => {
          setReading(true)
          void fileProof(file)
            .then((proof) => onChange?.(proof))
            .finally(() => setReading(false))
          return false
        }}
      >
        <Button icon={<PaperClipOutlined />} loading={reading}>
          {value ? '重新选择' : buttonText}
        </Button>
      </Upload>
      {value ? (
        <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-all' }} data-testid="file-proof">
          <CheckCircleFilled style={{ color: '#52c41a', marginInlineEnd: 4 }} />
          {value.fileName}（{formatBytes(value.sizeBytes)}）· SHA-256 {value.digest.slice(0, 16)}…
        </Typography.Text>
      ) : null}
    </Space>
  )
}
