import { and, asc, eq, inArray, isNull, or } from 'drizzle-orm'
import type { z } from 'zod'
import { db } from '../../db'
import { audit } from '../../platform/audit/audit'
import { type Actor, requireUser } from '../../platform/auth/actor'
import { now } from '../../platform/clock/clock'
import { canonicalJson } from '../../platform/crypto/digest'
import { newId } from '../../platform/ids/ids'
import type { ImportSpec } from '../../platform/registry/import/engine'
import { similarOnFile, similarRowsInFile } from '../../platform/registry/import/similar-rows'
import { writeRevision } from '../../platform/registry/revisions'
import { nearDuplicate } from '../../platform/registry/similarity'
import { insertOrganization } from '../organizations/service'
import { storeSearchDocument } from '../search/service'
import { type CarrierImportRow, ImportRow, type Resolved, resolveImportRows } from './import-row'
import {
  accreditationLabels,
  capabilityCategoryLabels,
  carrierKindLabels,
  carrierLevelLabels,
  organizationKindOfCarrier,
  pinyinSortKey,
} from './labels'
import { carriers, type Director } from './schema'
import { DUPLICATE_REASONS, findDuplicatesOfMany } from './service'
import { RECORD_TYPE, searchDocumentOf } from './view'

function directorsOf(row: CarrierImportRow): Director[] {
  return [
    ...row.director.map((name) => ({ name, role: 'director' as const, title: null })),
    ...row.administrativeDirector.map((name) => ({ name, role: 'administrative' as const, title: null })),
    ...row.technicalDirector.map((name) => ({ name, role: 'technical' as const, title: null })),
  ]
}

function valuesOf(row: CarrierImportRow, resolved: Resolved) {
  return {
    name: row.name,
    nameSort: pinyinSortKey(row.name),
    subtype: row.subtype ?? null,
    industryCodes: resolved.industryCodes,
    address: row.address,
    longitude: row.longitude ?? null,
    latitude: row.latitude ?? null,
    capabilities: row.capabilities,
    level: row.level ?? null,
    accreditationStatus: row.accreditationStatus ?? 'none',
    accreditationYear: row.accreditationYear ?? null,
    directors: directorsOf(row),
    hostInstitution: row.hostInstitution ?? null,
    contactName: row.contactName ?? null,
    contactPhone: row.contactPhone ?? null,
    introduction: row.introduction,
    confidentiality: row.confidentiality ?? 'public',
  }
}

/** 载体批量导入 (科技管理部门): one row per carrier; its operating organization is found or registered. */
export const carrierImport: ImportSpec<CarrierImportRow> = {
  recordType: RECORD_TYPE,
  label: '载体',
  columns: [
    {
      key: 'name',
      header: '载体名称',
      required: true,
      description: '4–100 字',
      example: '湖州市具身智能机器人概念验证中心',
    },
    {
      key: 'kind',
      header: '载体类型',
      required: true,
      description: Object.values(carrierKindLabels).join('、'),
      example: '概念验证中心',
    },
    {
      key: 'subtype',
      header: '细分类型',
      description:
        '概念验证中心：综合类、专业型；中试平台：企业主导、第三方服务机构主导、高校院所主导、政府投资主导；孵化器、园区不填',
      example: '专业型',
    },
    {
      key: 'organizationName',
      header: '运营机构',
      required: true,
      description: '已登记的机构按名称或统一社会信用代码关联，否则新建',
      example: '湖州南太湖具身智能研究院',
    },
    { key: 'uscc', header: '统一社会信用代码', description: '运营机构的 18 位代码；非独立法人可不填', example: '' },
    {
      key: 'area',
      header: '所在地区',
      required: true,
      description: '区县名称（如：吴兴区）或 6 位行政区划代码',
      example: '吴兴区',
    },
    {
      key: 'industries',
      header: '产业领域',
      description: '本地区产业体系中的名称；专业型概念验证中心 1–2 个',
      example: '具身智能机器人',
      list: true,
    },
    { key: 'level', header: '级别', description: Object.values(carrierLevelLabels).join('、'), example: '' },
    {
      key: 'accreditationStatus',
      header: '认定状态',
      description: `${Object.values(accreditationLabels).join('、')}；默认未认定`,
      example: '未认定',
    },
    { key: 'accreditationYear', header: '认定年份', description: '已认定、已撤销时必填', example: '' },
    {
      key: 'address',
      header: '地址',
      required: true,
      description: '详细地址',
      example: '湖州市吴兴区南太湖新区科创大道 1 号',
    },
    { key: 'longitude', header: '经度', description: '如 120.09（中国境内 73–136）', example: '120.09' },
    { key: 'latitude', header: '纬度', description: '如 30.87（中国境内 3–54）', example: '30.87' },
    {
      key: 'capabilities',
      header: '验证能力',
      description: `写作“名称（类别）”，类别：${Object.values(capabilityCategoryLabels).join('、')}`,
      example: '关节模组性能测评（技术与工艺验证）、应用场景联调（产品与场景验证）',
      list: true,
    },
    { key: 'director', header: '主任', description: '姓名', example: '', list: true },
    {
      key: 'administrativeDirector',
      header: '行政主任',
      description: '双主任制：商业化经验丰富的产业专家',
      example: '陈明',
      list: true,
    },
    {
      key: 'technicalDirector',
      header: '技术主任',
      description: '双主任制：成果转化经验丰富的技术专家',
      example: '刘洋',
      list: true,
    },
    { key: 'hostInstitution', header: '依托单位', description: '', example: '湖州南太湖先进技术研究院' },
    { key: 'contactName', header: '联系人', description: '', example: '王丽' },
    { key: 'contactPhone', header: '联系电话', description: '', example: '0572-2000001' },
    {
      key: 'introduction',
      header: '简介',
      required: true,
      description: '20–5000 字：定位、领域、服务与设施',
      example:
        '聚焦具身智能机器人关节、灵巧手与运动控制，提供从原理样机到场景联调的概念验证服务，开放共享测试平台与中试产线。',
    },
    { key: 'confidentiality', header: '公开程度', description: '公开、内部、保密；默认公开', example: '公开' },
  ],
  schema: ImportRow as z.ZodType<CarrierImportRow>,
  naturalKey: (row) => row.name.replace(/\s+/g, ''),
  keyColumns: ['name'],
  check: resolveImportRows,
  async findSimilar(actor, rows) {
    // As `persist` matches a row: by its import key, or by the same name under the same organization.
    const onFile = await db
      .select({ importKey: carriers.importKey, ownerOrgId: carriers.ownerOrgId, name: carriers.name })
      .from(carriers)
      .where(
        or(
          inArray(
            carriers.importKey,
            rows.map((r) => r.importKey),
          ),
          and(inArray(carriers.name, [...new Set(rows.map((r) => r.row.name))]), isNull(carriers.archivedAt)),
        ),
      )
    const keys = new Set(onFile.map((c) => c.importKey))
    const named = new Set(onFile.map((c) => `${c.ownerOrgId}|${c.name}`))
    const ownerOf = (row: CarrierImportRow) =>
      row.resolved?.organization.kind === 'existing' ? row.resolved.organization.id : undefined
    const creating = rows.flatMap(({ row, importKey }, index) =>
      keys.has(importKey) || named.has(`${ownerOf(row)}|${row.name}`) ? [] : [{ index, row }],
    )
    const found = await findDuplicatesOfMany(
      actor,
      creating.map(({ row }) => ({ name: row.name, introduction: row.introduction, ownerOrgId: ownerOf(row) })),
    )
    // In the file, rows of one organization not registered yet share it by its code or name.
    const describe = (row: CarrierImportRow) => ({
      title: row.name,
      text: row.introduction,
      ownerOrgId: ownerOf(row) ?? `new|${row.uscc ?? row.organizationName}`,
    })
    return [
      ...similarOnFile(
        creating,
        found.map((list) => list.map((d) => ({ ...d, title: d.name }))),
      ),
      ...similarRowsInFile(creating, {
        title: (row) => row.name,
        titleAtLeast: 0.6,
        text: (row) => row.introduction,
        textAtLeast: 0.85,
        judge: (later, earlier, grams) => {
          const match = nearDuplicate(describe(later), describe(earlier), grams)
          return match && { similarity: match.similarity, reason: DUPLICATE_REASONS[match.basis] }
        },
        titleOf: (row) => row.name,
      }),
    ]
  },
  async persist(tx, actor: Actor, rows) {
    const user = requireUser(actor)
    const newOrgs = new Map<string, string>()
    let created = 0
    let updated = 0
    let unchanged = 0
    for (const { row, importKey } of rows) {
      const resolved = row.resolved!
      let ownerOrgId = resolved.organization.kind === 'existing' ? resolved.organization.id : undefined
      if (!ownerOrgId) {
        const key = `${resolved.jurisdictionCode}|${organizationKindOfCarrier[row.kind]}|${row.uscc ?? row.organizationName}`
        ownerOrgId = newOrgs.get(key)
        if (!ownerOrgId) {
          ownerOrgId = (
            await insertOrganization(tx, actor, {
              name: row.organizationName,
              kind: organizationKindOfCarrier[row.kind],
              uscc: row.uscc ?? null,
              jurisdictionCode: resolved.jurisdictionCode,
              address: row.address,
            })
          ).id
          newOrgs.set(key, ownerOrgId)
        }
      }
      const values = valuesOf(row, resolved)
      const [before] = await tx
        .select()
        .from(carriers)
        .where(
          or(
            eq(carriers.importKey, importKey),
            and(eq(carriers.ownerOrgId, ownerOrgId), eq(carriers.name, row.name), isNull(carriers.archivedAt)),
          ),
        )
        .orderBy(asc(carriers.createdAt))
        .limit(1)
      if (before) {
        const previous = Object.fromEntries(Object.keys(values).map((k) => [k, before[k as keyof typeof values]]))
        if (canonicalJson(previous) === canonicalJson(values)) {
          unchanged++
          continue
        }
        const [after] = await tx
          .update(carriers)
          .set({ ...values, importKey: before.importKey ?? importKey, version: before.version + 1, updatedAt: now() })
          .where(eq(carriers.id, before.id))
          .returning()
        await writeRevision(tx, actor, RECORD_TYPE, after!, before, '批量导入更新')
        await storeSearchDocument(tx, RECORD_TYPE, after!.id, searchDocumentOf(after!))
        await audit(tx, actor, {
          action: 'carrier.update',
          targetType: RECORD_TYPE,
          targetId: after!.id,
          before,
          after,
          detail: { via: 'import' },
        })
        updated++
        continue
      }
      const at = now()
      const [after] = await tx
        .insert(carriers)
        .values({
          ...values,
          id: newId(),
          kind: row.kind,
          feeStandards: [],
          ownerOrgId,
          jurisdictionCode: resolved.jurisdictionCode,
          source: 'import',
          importKey,
          createdBy: user.userId,
          createdAt: at,
          updatedAt: at,
        })
        .returning()
      await writeRevision(tx, actor, RECORD_TYPE, after!, null, '批量导入')
      await storeSearchDocument(tx, RECORD_TYPE, after!.id, searchDocumentOf(after!))
      await audit(tx, actor, {
        action: 'carrier.create',
        targetType: RECORD_TYPE,
        targetId: after!.id,
        after,
        detail: { via: 'import' },
      })
      created++
    }
    return { created, updated, unchanged }
  },
}
