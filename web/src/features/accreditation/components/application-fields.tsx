import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import { useQuery } from '@tanstack/react-query'
import { Button, Card, Checkbox, Col, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd'
import type { FileProof } from '../../../shared/file-digest'
import { FileProofInput } from '../../../shared/file-proof-input'
import { http } from '../../../shared/http'
import { fenToWan, wanToFen } from '../../../shared/money'
import type { AttachmentInput, DeclaredFacts } from '../api/types'

type ExpertItem = { id: string; name: string; title: string | null; organizationName: string | null }
export type RuleCondition = { id: string; label: string; check: string; items?: { key: string; label: string }[] }

/** What the form holds: declared facts in the units people type (万元), attachments as file proofs. */
export type ApplicationFormValues = {
  carrierId?: string
  centerName: string
  partners: { name: string; relation: string }[]
  specialFundsWan: number | null
  fundSizeWan: number | null
  fundName: string | null
  staffTotal: number | null
  staffFullTime: number | null
  staffTechManagers: number | null
  advisoryExpertIds: string[]
  declarations: string[]
  attachments: { conditionId?: string; proof?: FileProof; note?: string | null }[]
}

export function toFormValues(
  content: { centerName: string; declared: DeclaredFacts; attachments: AttachmentInput[] },
  carrierId?: string,
): ApplicationFormValues {
  const d = content.declared
  return {
    carrierId,
    centerName: content.centerName,
    partners: d.partners,
    specialFundsWan: d.specialFundsFenPerYear === null ? null : fenToWan(d.specialFundsFenPerYear),
    fundSizeWan: d.fundSizeFen === null ? null : fenToWan(d.fundSizeFen),
    fundName: d.fundName,
    staffTotal: d.staff?.total ?? null,
    staffFullTime: d.staff?.fullTime ?? null,
    staffTechManagers: d.staff?.fullTimeTechManagers ?? null,
    advisoryExpertIds: d.advisoryExpertIds,
    declarations: Object.entries(d.declarations)
      .filter(([, yes]) => yes)
      .map(([key]) => key),
    attachments: content.attachments.map((a) => ({
      conditionId: a.conditionId,
      note: a.note ?? null,
      proof: { fileName: a.name, sizeBytes: a.sizeBytes, digest: a.sha256, mediaType: '' },
    })),
  }
}

export function fromFormValues(v: ApplicationFormValues, declarationKeys: readonly string[]) {
  const staff =
    v.staffTotal === null && v.staffFullTime === null && v.staffTechManagers === null
      ? null
      : { total: v.staffTotal ?? 0, fullTime: v.staffFullTime ?? 0, fullTimeTechManagers: v.staffTechManagers ?? 0 }
  const declared: DeclaredFacts = {
    partners: (v.partners ?? []).filter((p) => p?.name || p?.relation),
    specialFundsFenPerYear:
      v.specialFundsWan === null || v.specialFundsWan === undefined ? null : wanToFen(v.specialFundsWan),
    fundSizeFen: v.fundSizeWan === null || v.fundSizeWan === undefined ? null : wanToFen(v.fundSizeWan),
    fundName: v.fundName?.trim() || null,
    staff,
    advisoryExpertIds: v.advisoryExpertIds ?? [],
    declarations: Object.fromEntries(declarationKeys.map((k) => [k, (v.declarations ?? []).includes(k)])),
  }
  const attachments: AttachmentInput[] = (v.attachments ?? [])
    .filter((a) => a?.proof && a.conditionId)
    .map((a) => ({
      name: a.proof!.fileName,
      conditionId: a.conditionId!,
      sizeBytes: a.proof!.sizeBytes,
      sha256: a.proof!.digest,
      note: a.note?.trim() || null,
    }))
  return { centerName: v.centerName.trim(), declared, attachments }
}

/** The city's experts to choose advisors from (学术界、产业界、投资界). */
function useCityExperts(city: string) {
  return useQuery({
    queryKey: ['accreditation', 'advisor-options', city],
    queryFn: () => http.get<{ items: ExpertItem[] }>('/experts', { jurisdiction: city, pageSize: 100, sort: 'name' }),
  })
}

const wide = { xs: 24, md: 8 }

/**
 * The part of the application the platform cannot know from its records (指引 二): partners, funds, staff,
 * advisors, facilities and management declarations, and the documents that prove them.
 */
export function DeclaredFields({ conditions, city }: { conditions: RuleCondition[]; city: string }) {
  const experts = useCityExperts(city)
  const declarationGroups = conditions.filter((c) => c.check === 'declarations')
  const proofTargets = conditions.filter((c) =>
    ['partners', 'declaredAmount', 'staff', 'advisoryPanel', 'declarations'].includes(c.check),
  )
  return (
    <Space direction="vertical" size={16} style={{ display: 'flex' }}>
      <Card size="small" title="合作单位（稳定的科技成果来源）">
        <Form.List name="partners">
          {(fields, { add, remove }) => (
            <Space direction="vertical" style={{ display: 'flex' }}>
              {fields.map((field) => (
                <Row key={field.key} gutter={8} align="top">
                  <Col xs={24} md={10}>
                    <Form.Item name={[field.name, 'name']} rules={[{ required: true, message: '请填写合作单位' }]}>
                      <Input placeholder="合作单位名称" aria-label="合作单位名称" />
                    </Form.Item>
                  </Col>
                  <Col xs={20} md={12}>
                    <Form.Item name={[field.name, 'relation']} rules={[{ required: true, message: '请说明合作关系' }]}>
                      <Input placeholder="合作关系，如共建联合实验室（2022 年起）" aria-label="合作关系" />
                    </Form.Item>
                  </Col>
                  <Col xs={4} md={2}>
                    <Button icon={<DeleteOutlined />} aria-label="删除合作单位" onClick={() => remove(field.name)} />
                  </Col>
                </Row>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ name: '', relation: '' })}>
                添加合作单位
              </Button>
            </Space>
          )}
        </Form.List>
      </Card>
      <Card size="small" title="资金与基金">
        <Row gutter={12}>
          <Col {...wide}>
            <Form.Item name="specialFundsWan" label="每年概念验证专项资金（万元）">
              <InputNumber min={0} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col {...wide}>
            <Form.Item name="fundSizeWan" label="自有或合作基金规模（万元）">
              <InputNumber min={0} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col {...wide}>
            <Form.Item name="fundName" label="基金名称">
              <Input maxLength={100} />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <Card size="small" title="专业化服务团队">
        <Row gutter={12}>
          <Col {...wide}>
            <Form.Item name="staffTotal" label="服务人员总数">
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col {...wide}>
            <Form.Item name="staffFullTime" label="其中专职服务人员">
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col {...wide}>
            <Form.Item name="staffTechManagers" label="其中专职技术经理人">
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <Card size="small" title="顾问专家团队">
        <Form.Item
          name="advisoryExpertIds"
          label="从专家库选择顾问专家"
          extra="平台按专家现任职单位或所在智库判定其来自学术界、产业界或投资界"
        >
          <Select
            mode="multiple"
            loading={experts.isPending}
            optionFilterProp="label"
            placeholder="输入姓名搜索"
            options={(experts.data?.items ?? []).map((e) => ({
              value: e.id,
              label: `${e.name}${e.organizationName ? `（${e.organizationName}）` : ''}`,
            }))}
          />
        </Form.Item>
      </Card>
      <Card size="small" title="设施、制度与合规声明">
        <Form.Item name="declarations" noStyle>
          <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
            {declarationGroups.map((group) => (
              <div key={group.id}>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {group.label}
                </Typography.Text>
                <div style={{ display: 'flex', flexDirection: 'column', gap: 4, paddingInlineStart: 8 }}>
                  {(group.items ?? []).map((item) => (
                    <Checkbox key={item.key} value={item.key}>
                      {item.label}
                    </Checkbox>
                  ))}
                </div>
              </div>
            ))}
          </Checkbox.Group>
        </Form.Item>
      </Card>
      <Card
        size="small"
        title="佐证材料"
        extra={<Typography.Text type="secondary">文件只在本机计算摘要，不上传</Typography.Text>}
      >
        <Form.List name="attachments">
          {(fields, { add, remove }) => (
            <Space direction="vertical" style={{ display: 'flex' }} data-testid="attachments">
              {fields.map((field) => (
                <Row key={field.key} gutter={8} align="top">
                  <Col xs={24} md={9}>
                    <Form.Item
                      name={[field.name, 'conditionId']}
                      rules={[{ required: true, message: '请选择对应条件' }]}
                    >
                      <Select
                        aria-label="对应认定条件"
                        placeholder="对应认定条件"
                        options={proofTargets.map((c) => ({ value: c.id, label: c.label }))}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={20} md={13}>
                    <Form.Item name={[field.name, 'proof']} rules={[{ required: true, message: '请选择文件' }]}>
                      <FileProofInput buttonText="选择佐证文件" />
                    </Form.Item>
                  </Col>
                  <Col xs={4} md={2}>
                    <Button icon={<DeleteOutlined />} aria-label="删除附件" onClick={() => remove(field.name)} />
                  </Col>
                </Row>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({})}>
                添加佐证材料
              </Button>
            </Space>
          )}
        </Form.List>
      </Card>
    </Space>
  )
}
