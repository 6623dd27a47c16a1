import type { InvestmentStage, InvestorKind } from '../../modules/investors/schema'
import { investorProfiles } from '../../modules/investors/schema'
import { organizations } from '../../modules/organizations/schema'
import { audit } from '../../platform/audit/audit'
import { systemActor } from '../../platform/auth/actor'
import { now } from '../../platform/clock/clock'
import { newId } from '../../platform/ids/ids'
import type { Confidentiality } from '../../platform/registry/confidentiality'
import { completeUscc } from '../../platform/validation/uscc'
import type { Transaction } from '../client'

type DemoInvestor = {
  /** An organization of the demo seed, or a new one (name, area, USCC body). */
  org: { key: string } | { name: string; area: string; uscc: string; address: string }
  kind: InvestorKind
  stages: InvestmentStage[]
  industryCodes: string[]
  focusKeywords: string[]
  ticketWan: [number, number]
  areas: string[]
  introduction: string
  confidentiality: Confidentiality
}

// Fictional investment institutions in the three demo cities, with check-valid 统一社会信用代码 made for the demo.
const DEMO_INVESTORS: DemoInvestor[] = [
  {
    org: { key: 'xiamen-fund' },
    kind: 'ventureCapital',
    stages: ['seed', 'angel'],
    industryCodes: ['xiamen-4-4-6:XM-P-2', 'xiamen-4-4-6:XM-F-3'],
    focusKeywords: ['具身智能', '机器人', '灵巧手', '触觉', '存算一体', '合成生物'],
    ticketWan: [50, 1000],
    areas: [],
    introduction: '专注硬科技成果转化的早期投资，与概念验证中心联动“投早、投小、投科技”。',
    confidentiality: 'public',
  },
  {
    org: {
      name: '温州瓯创科技创业投资有限公司',
      area: '330302',
      uscc: '91330302MA2H00901',
      address: '温州市鹿城区科技大厦 12 层',
    },
    kind: 'governmentFund',
    stages: ['seed', 'angel', 'early'],
    industryCodes: ['wenzhou-5n:WZ-1-2', 'wenzhou-5n:WZ-F-2', 'wenzhou-5n:WZ-4-3'],
    focusKeywords: ['集成电路', '人形机器人', '边缘 AI'],
    ticketWan: [100, 3000],
    areas: ['330300'],
    introduction: '温州市科技成果转化引导基金的管理人，重点投向本市概念验证中心孵化的项目。',
    confidentiality: 'public',
  },
  {
    org: {
      name: '湖州南太湖产业投资基金管理有限公司',
      area: '330502',
      uscc: '91330502MA2B00902',
      address: '湖州市吴兴区南太湖新区金融港',
    },
    kind: 'governmentFund',
    stages: ['angel', 'early', 'growth'],
    industryCodes: ['huzhou-1366:HZ-1-1', 'huzhou-1366:HZ-6-2', 'huzhou-1366:HZ-6-3'],
    focusKeywords: ['智能制造', '机器人'],
    ticketWan: [500, 5000],
    areas: ['330500'],
    introduction: '湖州市产业基金，支持“1366”产业体系中完成中试的项目在湖州落地。',
    confidentiality: 'internal',
  },
  {
    org: {
      name: '湖州太湖天使创业投资合伙企业（有限合伙）',
      area: '330502',
      uscc: '91330502MA2B00903',
      address: '湖州市吴兴区科创大道 1 号',
    },
    kind: 'angel',
    stages: ['seed'],
    industryCodes: ['huzhou-1366:HZ-1-1', 'huzhou-1366:HZ-F-2'],
    focusKeywords: ['具身智能', '触觉传感', '柔性电子'],
    ticketWan: [30, 300],
    areas: ['330000'],
    introduction: '聚焦浙江省内高校院所成果的天使投资，单笔小额、决策快。',
    confidentiality: 'public',
  },
]

/** 投资偏好 for the demo's investment institutions (project → investor matching reads them). */
export async function seedDemoInvestors(tx: Transaction, context: { orgIdByKey: Map<string, string> }) {
  const at = now()
  let count = 0
  for (const demo of DEMO_INVESTORS) {
    let orgId: string | undefined
    if ('key' in demo.org) orgId = context.orgIdByKey.get(demo.org.key)
    else {
      orgId = newId()
      await tx.insert(organizations).values({
        id: orgId,
        name: demo.org.name,
        kind: 'investor',
        uscc: completeUscc(demo.org.uscc),
        isLegalEntity: true,
        jurisdictionCode: demo.org.area,
        address: demo.org.address,
        createdAt: at,
        updatedAt: at,
      })
    }
    if (!orgId) continue
    await tx.insert(investorProfiles).values({
      orgId,
      kind: demo.kind,
      stages: demo.stages,
      industryCodes: demo.industryCodes,
      focusKeywords: demo.focusKeywords,
      ticketMinFen: BigInt(demo.ticketWan[0] * 1_000_000),
      ticketMaxFen: BigInt(demo.ticketWan[1] * 1_000_000),
      jurisdictionCodes: demo.areas,
      introduction: demo.introduction,
      confidentiality: demo.confidentiality,
      updatedAt: at,
    })
    count++
  }
  await audit(tx, systemActor('demo seed'), {
    action: 'investor.profile.seed',
    targetType: 'organization',
    detail: { profiles: count },
  })
  return count
}
