import type { OrganizationKind } from '../../modules/organizations/schema'
import { completeUscc } from '../../platform/validation/uscc'

export type DemoOrganization = {
  key: string
  name: string
  kind: OrganizationKind
  jurisdictionCode: string
  uscc: string | null
  address: string
}

// Fictional organizations (government bureaus aside) with check-valid 统一社会信用代码 made for the demo.
export const demoOrganizations: DemoOrganization[] = [
  {
    key: 'wenzhou-bureau',
    name: '温州市科学技术局',
    kind: 'scienceBureau',
    jurisdictionCode: '330300',
    uscc: completeUscc('11330300MB0000001'),
    address: '温州市鹿城区市府路',
  },
  {
    key: 'lucheng-bureau',
    name: '温州市鹿城区科学技术局',
    kind: 'scienceBureau',
    jurisdictionCode: '330302',
    uscc: completeUscc('11330302MB0000002'),
    address: '温州市鹿城区',
  },
  {
    key: 'huzhou-bureau',
    name: '湖州市科学技术局',
    kind: 'scienceBureau',
    jurisdictionCode: '330500',
    uscc: completeUscc('11330500MB0000003'),
    address: '湖州市吴兴区',
  },
  {
    key: 'xiamen-bureau',
    name: '厦门市科学技术局',
    kind: 'scienceBureau',
    jurisdictionCode: '350200',
    uscc: completeUscc('11350200MB0000004'),
    address: '厦门市思明区',
  },
  {
    key: 'huli-bureau',
    name: '厦门市湖里区科技和工信局',
    kind: 'scienceBureau',
    jurisdictionCode: '350206',
    uscc: completeUscc('11350206MB0000005'),
    address: '厦门市湖里区',
  },
  {
    key: 'wenzhou-poc-center',
    name: '温州市数字经济概念验证中心',
    kind: 'pocCenter',
    jurisdictionCode: '330303',
    uscc: completeUscc('91330303MA2H00011'),
    address: '温州市龙湾区温州科创园',
  },
  {
    key: 'huzhou-pilot-platform',
    name: '湖州南太湖智能装备中试平台',
    kind: 'pilotPlatform',
    jurisdictionCode: '330502',
    uscc: completeUscc('91330502MA2B00021'),
    address: '湖州市吴兴区南太湖新区',
  },
  {
    key: 'wenzhou-university',
    name: '瓯越理工大学',
    kind: 'university',
    jurisdictionCode: '330304',
    uscc: completeUscc('12330304MB0000031'),
    address: '温州市瓯海区高教园区',
  },
  {
    key: 'wenzhou-enterprise',
    name: '温州瓯海智造科技有限公司',
    kind: 'enterprise',
    jurisdictionCode: '330304',
    uscc: completeUscc('91330304MA2J00041'),
    address: '温州市瓯海经济开发区',
  },
  {
    key: 'huzhou-institute',
    name: '湖州南太湖先进技术研究院',
    kind: 'researchInstitute',
    jurisdictionCode: '330502',
    uscc: completeUscc('12330502MB0000051'),
    address: '湖州市吴兴区',
  },
  {
    key: 'xiamen-fund',
    name: '厦门鹭创科技成果转化投资管理有限公司',
    kind: 'investor',
    jurisdictionCode: '350206',
    uscc: completeUscc('91350206MA8U00061'),
    address: '厦门市湖里区',
  },
]
