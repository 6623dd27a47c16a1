import { SafetyCertificateOutlined } from '@ant-design/icons'
import { Typography } from 'antd'
import type { Accreditation } from '../api/types'

/** The certificate as printed: a framed page, and the only thing on paper when the person prints. */
export function CertificateCard({ accreditation: a }: { accreditation: Accreditation }) {
  const [year, month, day] = a.accreditedOn.split('-')
  return (
    <div className="fm-certificate" data-testid="certificate">
      <style>{`
        .fm-certificate { border: 6px double #b8860b; padding: 32px 24px; text-align: center; background: #fffdf5; max-width: 760px; margin: 0 auto; }
        .fm-certificate h2 { letter-spacing: 0.3em; margin: 8px 0 24px; }
        .fm-certificate .fm-cert-name { font-size: 22px; font-weight: 600; margin: 16px 0; }
        @media print {
          body * { visibility: hidden; }
          .fm-certificate, .fm-certificate * { visibility: visible; }
          .fm-certificate { position: absolute; left: 0; top: 0; width: 100%; border-width: 8px; }
        }
      `}</style>
      <SafetyCertificateOutlined style={{ fontSize: 40, color: '#b8860b' }} />
      <Typography.Title level={2}>认 定 证 书</Typography.Title>
      <Typography.Paragraph>{a.orgName}：</Typography.Paragraph>
      <Typography.Paragraph>
        {a.source === 'platform' ? '经审核推荐、公示，你单位建设的' : '你单位建设的'}
      </Typography.Paragraph>
      <div className="fm-cert-name" data-testid="certificate-name">
        {a.name}
      </div>
      <Typography.Paragraph>
        被认定为{a.levelLabel}
        {a.carrierKindLabel}。
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ marginTop: 24 }}>
        证书编号：<span data-testid="certificate-no">{a.certificateNo}</span>
      </Typography.Paragraph>
      <Typography.Paragraph style={{ textAlign: 'right', marginTop: 24 }}>
        {a.jurisdictionName}科学技术局
        <br />
        {year} 年 {Number(month)} 月 {Number(day)} 日
      </Typography.Paragraph>
      {a.ruleVersion ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          依据：{a.ruleVersion}
        </Typography.Text>
      ) : null}
    </div>
  )
}
