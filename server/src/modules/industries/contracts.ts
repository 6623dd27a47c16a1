import { z } from 'zod'
import { checkSystemNodes, checkTree, IndustryNode } from './data-schema'

const IsoDate = z.iso.date('日期格式应为 YYYY-MM-DD')

export const SystemCodeParams = z.strictObject({
  code: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, '体系代码应为小写字母、数字和连字符'),
})

/**
 * A city officer's edit of their area's industry system: the whole tree, checked as the shipped data is
 * (codes unique, parents present, levels consistent, kinds never outward, leaves with keywords or marked
 * 待城市补充 with a note). Saving makes a new version; the old one stays in the history.
 */
export const ReviseIndustrySystem = z
  .strictObject({
    name: z.string().trim().min(2, '体系名称至少 2 个字').max(100, '体系名称不超过 100 个字'),
    versionLabel: z.string().trim().min(1, '请填写版本号').max(20, '版本号不超过 20 个字'),
    effectiveFrom: IsoDate.nullish(),
    effectiveTo: IsoDate.nullish(),
    source: z.string().trim().min(4, '请填写依据的文件与日期（至少 4 个字）').max(500, '依据不超过 500 个字'),
    nodes: z.array(IndustryNode).min(1, '产业体系至少要有一个节点').max(500, '节点不超过 500 个'),
  })
  .superRefine((v, ctx) => {
    if (v.effectiveFrom && v.effectiveTo && v.effectiveTo < v.effectiveFrom)
      ctx.addIssue({ code: 'custom', path: ['effectiveTo'], message: '失效日期不能早于生效日期' })
    checkTree(v.nodes, ctx)
    checkSystemNodes(v.nodes, ctx)
  })
export type ReviseIndustrySystem = z.infer<typeof ReviseIndustrySystem>
