import { Card, Descriptions, List, Tag, Typography } from 'antd'
import type { ReactNode } from 'react'
import { priceRange } from '../../../shared/registry/money'
import type { Achievement, Carrier, Demand, Instrument, PortalRecord, Scenario } from '../api/types'

/** The parts of a portal record's page every kind shares: its title, tags and whose it is. */
export type RecordHead = { title: string; ownerOrgId: string; tags: { text: string; color?: string }[]; meta: string[] }

const industryTags = (industries: { code: string; name: string }[]) =>
  industries.length
    ? industries.map((i) => (
        <Tag key={i.code} color="cyan" bordered={false}>
          {i.name}
        </Tag>
      ))
    : '—'

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card size="small" title={title} style={{ marginTop: 12 }}>
      {children}
    </Card>
  )
}

function Text({ children }: { children: string }) {
  return <Typography.Paragraph className="fm-detail-text">{children}</Typography.Paragraph>
}

function Facts({ items }: { items: [string, ReactNode][] }) {
  return (
    <Descriptions
      column={{ xs: 1, sm: 1, md: 2 }}
      size="small"
      items={items.map(([label, children]) => ({ key: label, label, children }))}
    />
  )
}

export function headOf(r: PortalRecord): RecordHead {
  switch (r.type) {
    case 'achievement': {
      const a = r.record
      return {
        title: a.title,
        ownerOrgId: a.ownerOrgId,
        tags: [{ text: `TRL ${a.trl}`, color: 'geekblue' }, { text: a.maturityLabel }],
        meta: [a.ownerOrgName, a.jurisdictionName],
      }
    }
    case 'demand': {
      const d = r.record
      return {
        title: d.title,
        ownerOrgId: d.ownerOrgId,
        tags: [
          { text: d.statusLabel, color: d.status === 'open' ? 'processing' : 'default' },
          { text: `预算 ${d.budgetLabel}`, color: 'orange' },
        ],
        meta: [d.ownerOrgName, d.jurisdictionName, `截止 ${d.deadline}`],
      }
    }
    case 'scenario': {
      const s = r.record
      return {
        title: s.title,
        ownerOrgId: s.ownerOrgId,
        tags: [
          { text: s.statusLabel, color: s.status === 'open' ? 'processing' : 'default' },
          ...s.offerLabels.map((o) => ({ text: `提供${o}`, color: 'green' })),
        ],
        meta: [s.ownerOrgName, s.address, `截止 ${s.deadline}`],
      }
    }
    case 'carrier': {
      const c = r.record
      return {
        title: c.name,
        ownerOrgId: c.ownerOrgId,
        tags: [
          { text: c.kindLabel, color: 'blue' },
          ...(c.subtypeLabel ? [{ text: c.subtypeLabel }] : []),
          { text: c.levelLabel, color: 'gold' },
          { text: c.accreditationLabel, color: c.accreditationStatus === 'accredited' ? 'success' : 'default' },
        ],
        meta: [c.ownerOrgName, c.jurisdictionName],
      }
    }
    case 'instrument': {
      const i = r.record
      return {
        title: i.name,
        ownerOrgId: i.ownerOrgId,
        tags: [
          { text: i.categoryLabel, color: 'blue' },
          ...(i.hasCma ? [{ text: 'CMA', color: 'green' }] : []),
          ...(i.hasCnas ? [{ text: 'CNAS', color: 'green' }] : []),
          { text: i.availabilityLabel },
        ],
        meta: [i.carrierName ?? i.ownerOrgName, i.jurisdictionName],
      }
    }
  }
}

function AchievementBody({ a }: { a: Achievement }) {
  return (
    <>
      <Section title="成果简介">
        <Text>{a.summary}</Text>
      </Section>
      <Section title="基本信息">
        <Facts
          items={[
            ['所属机构', a.ownerOrgName],
            ['所在地区', a.jurisdictionName],
            ['学科', [a.category, a.discipline].filter(Boolean).join(' · ') || '—'],
            ['产业分类', industryTags(a.industries)],
            ['技术就绪度', `TRL ${a.trl}`],
            ['成熟度', a.maturityLabel],
            ['转化方式', a.transferModeLabels.join('、') || '—'],
            ['价格预期', priceRange(a.priceNegotiable, a.priceMinFen, a.priceMaxFen)],
            ['关键词', a.keywords.join('、') || '—'],
            ['来源', a.sourceLabel ?? '平台录入'],
          ]}
        />
      </Section>
      {a.ipItems.length ? (
        <Section title={`知识产权（${a.ipItems.length}）`}>
          <List
            size="small"
            dataSource={a.ipItems}
            renderItem={(ip) => (
              <List.Item>
                {ip.kind === 'patent' ? '专利' : ip.kind === 'softwareCopyright' ? '软件著作权' : '技术秘密'}
                {ip.number ? ` · ${ip.number}` : ''}
                {ip.title ? ` · ${ip.title}` : ''}
              </List.Item>
            )}
          />
        </Section>
      ) : null}
    </>
  )
}

function DemandBody({ d }: { d: Demand }) {
  return (
    <>
      <Section title="需求描述">
        <Text>{d.description}</Text>
      </Section>
      <Section title="合作条件">
        <Facts
          items={[
            ['需求企业', d.ownerOrgName],
            ['所在地区', d.jurisdictionName],
            ['产业分类', industryTags(d.industries)],
            ['预算', d.budgetLabel],
            ['征集截止', `${d.deadline}${d.isPastDeadline ? '（已过期）' : ''}`],
            ['合作方式', d.cooperationModeLabels.join('、') || '—'],
            ['期望 TRL', d.trlWanted ? `TRL ${d.trlWanted}` : '不限'],
            ['期望成熟度', d.maturityWantedLabel ?? '不限'],
            ['联系方式', d.contact ? [d.contact.name, d.contact.phone].filter(Boolean).join(' ') || '—' : '登录后可见'],
          ]}
        />
      </Section>
    </>
  )
}

function ScenarioBody({ s }: { s: Scenario }) {
  return (
    <>
      <Section title="场景描述">
        <Text>{s.description}</Text>
      </Section>
      <Section title="场景信息">
        <Facts
          items={[
            ['发布单位', `${s.ownerOrgName}（${s.publisherKindLabel}）`],
            ['场景地址', s.address],
            ['提供条件', s.offerLabels.join('、')],
            ['所需技术', s.keywords.join('、') || '—'],
            ['产业分类', industryTags(s.industries)],
            ['征集截止', `${s.deadline}${s.isPastDeadline ? '（已过期）' : ''}`],
          ]}
        />
      </Section>
    </>
  )
}

function CarrierBody({ c }: { c: Carrier }) {
  return (
    <>
      <Section title="简介">
        <Text>{c.introduction}</Text>
      </Section>
      <Section title="基本信息">
        <Facts
          items={[
            ['运营单位', c.ownerOrgName],
            ['依托单位', c.hostInstitution ?? '—'],
            ['地址', c.address],
            ['级别', c.levelLabel],
            ['认定状态', `${c.accreditationLabel}${c.accreditationYear ? `（${c.accreditationYear} 年）` : ''}`],
            ['服务领域', industryTags(c.industries)],
          ]}
        />
      </Section>
      {c.capabilities.length ? (
        <Section title={`验证能力（${c.capabilities.length}）`}>
          <List
            size="small"
            dataSource={c.capabilities}
            renderItem={(cap) => (
              <List.Item>
                <List.Item.Meta
                  title={
                    <span>
                      <Tag bordered={false}>{cap.categoryLabel}</Tag>
                      {cap.name}
                    </span>
                  }
                  description={cap.description}
                />
              </List.Item>
            )}
          />
        </Section>
      ) : null}
      {c.feeStandards.length ? (
        <Section title="收费标准">
          <List
            size="small"
            dataSource={c.feeStandards}
            renderItem={(fee) => (
              <List.Item extra={fee.priceLabel}>
                {fee.item}（{fee.unit}）
              </List.Item>
            )}
          />
        </Section>
      ) : null}
    </>
  )
}

function InstrumentBody({ i }: { i: Instrument }) {
  return (
    <>
      <Section title="技术指标">
        <Text>{i.specifications}</Text>
      </Section>
      <Section title="共享信息">
        <Facts
          items={[
            ['所属载体', i.carrierName ?? '—'],
            ['管理单位', i.ownerOrgName],
            ['型号', i.model ?? '—'],
            ['生产厂家', i.manufacturer ?? '—'],
            ['资质', [i.hasCma ? 'CMA' : null, i.hasCnas ? 'CNAS' : null].filter(Boolean).join('、') || '无'],
            ['收费', i.priceLabel],
            ['开放时间', i.openHours ?? '—'],
            ['预约方式', i.bookingMethod ?? '—'],
            ['放置地点', i.location ?? '—'],
            ['状态', i.availabilityLabel],
          ]}
        />
      </Section>
    </>
  )
}

export function RecordBody({ record }: { record: PortalRecord }) {
  switch (record.type) {
    case 'achievement':
      return <AchievementBody a={record.record} />
    case 'demand':
      return <DemandBody d={record.record} />
    case 'scenario':
      return <ScenarioBody s={record.record} />
    case 'carrier':
      return <CarrierBody c={record.record} />
    case 'instrument':
      return <InstrumentBody i={record.record} />
  }
}
