import { EditOutlined, SaveOutlined, UndoOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, Col, Empty, Popconfirm, Row, Segmented, Space, Tag, Typography } from 'antd'
import { type ReactNode, useEffect, useMemo, useState } from 'react'
import { formatDate } from '../../../shared/format'
import { errorMessage, isApiError } from '../../../shared/http'
import { useJurisdictions } from '../../../shared/jurisdictions'
import { Page, PageLoading } from '../../../shared/page'
import { type IndustrySystem, useIndustrySystems } from '../../../shared/registry/industry-systems'
import { useCompact } from '../../../shared/responsive'
import { useCan, useCurrentUser } from '../../../shared/session'
import { useReviseSystem } from '../api/revise-system'
import { useSystemHistory } from '../api/system-history'
import { NodeEditor, NodeView } from '../components/node-panel'
import { SaveVersionModal, type VersionFields } from '../components/save-version-modal'
import { SystemTree } from '../components/system-tree'
import { type EditNode, nodeProblems, toEditNodes } from '../components/tree-model'
import { VersionHistory } from '../components/version-history'
import '../../../shared/registry/registry.css'

/** 新增 2 个、删除 1 个、修改 3 个 between the saved nodes and the working copy. */
function describeChanges(before: readonly EditNode[], after: readonly EditNode[]): string {
  const old = new Map(before.map((n) => [n.code, JSON.stringify(n)]))
  const now = new Set(after.map((n) => n.code))
  const added = after.filter((n) => !old.has(n.code)).length
  const removed = before.filter((n) => !now.has(n.code)).length
  const changed = after.filter((n) => old.has(n.code) && old.get(n.code) !== JSON.stringify(n)).length
  const parts = [
    added ? `新增 ${added} 个节点` : '',
    removed ? `删除 ${removed} 个节点` : '',
    changed ? `修改 ${changed} 个节点` : '',
  ].filter(Boolean)
  return parts.length ? parts.join('、') : '节点未变化（仅更新版本信息）'
}

/** The server's tree problems (`nodes.3.keywords`) named by node, so the officer can find them. */
function serverProblems(error: unknown, sent: readonly EditNode[]): { code?: string; message: string }[] {
  if (!isApiError(error)) return [{ message: errorMessage(error) }]
  const fields = error.fields
  if (!fields.length) return [{ message: error.message }]
  return fields.map((f) => {
    const [, index] = f.path.split('.')
    const node = f.path.startsWith('nodes.') && index !== undefined ? sent[Number(index)] : undefined
    return node ? { code: node.code, message: `“${node.name}”：${f.message}` } : { message: f.message }
  })
}

function SystemHeader({ system, extra }: { system: IndustrySystem; extra: ReactNode }) {
  return (
    <Card size="small" data-testid="system-header">
      <div className="fm-detail-head">
        <div style={{ minWidth: 0, flex: '1 1 320px' }}>
          <Typography.Title level={4} className="fm-detail-title">
            {system.name}
          </Typography.Title>
          <Space size={[4, 4]} wrap>
            <Tag color="blue" bordered={false} data-testid="system-version">
              第 {system.version} 版 · {system.versionLabel}
            </Tag>
            {system.status === 'active' ? (
              <Tag color="green" bordered={false}>
                现行
              </Tag>
            ) : (
              <Tag bordered={false}>已替代</Tag>
            )}
            <Tag bordered={false}>{system.nodes.length} 个节点</Tag>
            {system.toBeCompleted ? (
              <Tag color="orange" bordered={false}>
                {system.toBeCompleted} 个待城市补充
              </Tag>
            ) : null}
          </Space>
          <div className="fm-result-meta" style={{ marginTop: 8 }}>
            <span>
              生效：{system.effectiveFrom ? formatDate(system.effectiveFrom) : '—'} 至{' '}
              {system.effectiveTo ? formatDate(system.effectiveTo) : '新版本替代'}
            </span>
            <span>依据：{system.source}</span>
          </div>
        </div>
        {extra}
      </div>
    </Card>
  )
}

/**
 * 产业体系: each area's industry system as a tree with keywords and 待城市补充 marks. A city officer edits their
 * city's (add, rename, move, remove nodes, keywords) and saves it as a new version; everyone sees the history.
 */
export function IndustriesPage() {
  const user = useCurrentUser()
  const can = useCan()
  const compact = useCompact()
  const { message } = App.useApp()
  const jurisdictions = useJurisdictions()
  const systems = useIndustrySystems(user.jurisdictionCode)
  const [code, setCode] = useState<string | undefined>()
  const [viewing, setViewing] = useState<number | undefined>()
  const [draft, setDraft] = useState<EditNode[] | null>(null)
  const [selected, setSelected] = useState<string | undefined>()
  const [problems, setProblems] = useState<{ code?: string; message: string }[]>([])
  const revise = useReviseSystem()

  const list = systems.data?.items ?? []
  const current = list.find((s) => s.code === code) ?? list[0]
  useEffect(() => {
    if (!code && list[0]) setCode(list[0].code)
  }, [code, list])
  const history = useSystemHistory(current?.code)
  const shown = viewing ? history.data?.items.find((s) => s.version === viewing) : current
  const saved = useMemo(() => toEditNodes(current?.nodes ?? []), [current])
  const nodes = draft ?? toEditNodes(shown?.nodes ?? [])
  const flagged = useMemo(() => new Set(problems.flatMap((p) => (p.code ? [p.code] : []))), [problems])

  // A city officer edits the systems of their city and its districts (the server checks it again).
  const parentOf = (area: string) => jurisdictions.data?.items.find((j) => j.code === area)?.parentCode
  const mayEdit =
    !!current &&
    can('industry.manage') &&
    (current.jurisdictionCode === user.jurisdictionCode || parentOf(current.jurisdictionCode) === user.jurisdictionCode)

  const startEditing = () => {
    setViewing(undefined)
    setDraft(toEditNodes(current?.nodes ?? []))
    setProblems([])
  }
  const stopEditing = () => {
    setDraft(null)
    setProblems([])
  }
  const save = async (fields: VersionFields): Promise<boolean> => {
    if (!current || !draft) return false
    const found = nodeProblems(draft)
    if (found.length) {
      setProblems(found)
      message.error('有节点需要修改，请查看提示')
      return false
    }
    try {
      const result = await revise.mutateAsync({ code: current.code, ...fields, nodes: draft })
      message.success(`已保存为第 ${result.items[0]?.version ?? ''} 版（${fields.versionLabel}）`)
      stopEditing()
      return true
    } catch (error) {
      setProblems(serverProblems(error, draft))
      message.error(isApiError(error) ? error.message : errorMessage(error))
      return false
    }
  }

  if (systems.isPending) return <PageLoading />
  if (!current)
    return (
      <Page title="产业体系">
        <Empty description="本地区尚未配置产业体系" />
      </Page>
    )

  const editing = draft !== null
  const actions = editing ? (
    <Space wrap>
      <Popconfirm title="放弃本次修改？" okText="放弃" cancelText="继续编辑" onConfirm={stopEditing}>
        <Button icon={<UndoOutlined />}>放弃修改</Button>
      </Popconfirm>
      <SaveVersionModal
        system={current}
        changes={describeChanges(saved, draft)}
        onSave={save}
        trigger={
          <Button type="primary" icon={<SaveOutlined />} data-testid="save-version">
            保存为新版本
          </Button>
        }
      />
    </Space>
  ) : mayEdit && !viewing ? (
    <Button type="primary" icon={<EditOutlined />} onClick={startEditing} data-testid="edit-system">
      编辑产业体系
    </Button>
  ) : null

  return (
    <Page title="产业体系" subTitle={compact ? undefined : '各地区产业体系：产业类别、产业与细分领域，关键词用于归类'}>
      <Space direction="vertical" size={16} style={{ display: 'flex' }} data-testid="industries">
        {list.length > 1 ? (
          <Segmented
            value={current.code}
            disabled={editing}
            options={list.map((s) => ({ value: s.code, label: s.name }))}
            onChange={(value) => {
              setCode(String(value))
              setViewing(undefined)
              setSelected(undefined)
            }}
            style={{ maxWidth: '100%', overflowX: 'auto' }}
          />
        ) : null}
        {shown ? <SystemHeader system={shown} extra={actions} /> : null}
        {viewing && shown ? (
          <Alert
            type="warning"
            showIcon
            message={`正在查看第 ${shown.version} 版（${shown.versionLabel}），这是历史版本`}
            action={
              <Button size="small" onClick={() => setViewing(undefined)}>
                回到现行版本
              </Button>
            }
          />
        ) : null}
        {editing ? (
          <Alert
            type="info"
            showIcon
            message="编辑中：修改只在本页，点击“保存为新版本”后生效；旧版本保留在版本历史中。"
          />
        ) : null}
        {problems.length ? (
          <Alert
            type="error"
            showIcon
            data-testid="tree-problems"
            message={`有 ${problems.length} 处需要修改`}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {problems.map((p) => (
                  <li key={`${p.code ?? ''}:${p.message}`}>
                    {p.code ? (
                      <Typography.Link onClick={() => setSelected(p.code)}>{p.message}</Typography.Link>
                    ) : (
                      p.message
                    )}
                  </li>
                ))}
              </ul>
            }
          />
        ) : null}
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={11}>
            <Card
              size="small"
              title={editing ? '节点（可拖动调整位置）' : '节点'}
              styles={{ body: { overflowX: 'auto' } }}
            >
              <SystemTree
                key={`${current.code}:${shown?.version ?? ''}:${editing}`}
                nodes={nodes}
                selected={selected}
                onSelect={setSelected}
                onChange={editing ? setDraft : undefined}
                flagged={flagged}
              />
            </Card>
          </Col>
          <Col xs={24} lg={13}>
            <Card size="small" title={editing ? '编辑节点' : '节点详情'}>
              {editing ? (
                <NodeEditor
                  nodes={nodes}
                  node={nodes.find((n) => n.code === selected)}
                  onChange={(next) => {
                    setDraft(next)
                    if (problems.length) setProblems(nodeProblems(next))
                  }}
                  onSelect={setSelected}
                />
              ) : (
                <NodeView nodes={nodes} node={nodes.find((n) => n.code === selected)} />
              )}
            </Card>
          </Col>
        </Row>
        <Card size="small" title="版本历史">
          <VersionHistory
            versions={history.data?.items ?? []}
            loading={history.isPending}
            viewing={viewing ?? current.version}
            onView={(version) => {
              if (editing) {
                message.info('请先保存或放弃当前修改')
                return
              }
              setViewing(version === current.version ? undefined : version)
              setSelected(undefined)
            }}
          />
        </Card>
      </Space>
    </Page>
  )
}
