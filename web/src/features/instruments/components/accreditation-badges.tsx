import { SafetyCertificateFilled } from '@ant-design/icons'
import { Tag, Tooltip } from 'antd'

/** CMA (检验检测机构资质认定) and CNAS (实验室认可) badges; nothing when the instrument has neither. */
export function AccreditationBadges({ hasCma, hasCnas }: { hasCma: boolean; hasCnas: boolean }) {
  return (
    <>
      {hasCma ? (
        <Tooltip title="检验检测机构资质认定（CMA）：出具的数据和结果具有证明作用">
          <Tag color="red" icon={<SafetyCertificateFilled />} data-testid="badge-cma">
            CMA
          </Tag>
        </Tooltip>
      ) : null}
      {hasCnas ? (
        <Tooltip title="中国合格评定国家认可委员会实验室认可（CNAS）">
          <Tag color="blue" icon={<SafetyCertificateFilled />} data-testid="badge-cnas">
            CNAS
          </Tag>
        </Tooltip>
      ) : null}
    </>
  )
}
