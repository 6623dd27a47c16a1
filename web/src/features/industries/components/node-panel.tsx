import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import {
  Alert,
  Button,
  Descriptions,
  Empty,
  Form,
  Input,
  Popconfirm,
  Select,
  Space,
  Switch,
  Tag,
  TreeSelect,
  Typography,
} from 'antd'
import {
  addNode,
  childrenOf,
  type EditNode,
  keywordProblem,
  kindLabels,
  kindProblem,
  moveNode,
  removeNode,
  subtreeCodes,
  updateNode,
} from './tree-model'

const kindOptions = (Object.keys(kindLabels) as EditNode['kind'][]).map((value) => ({
  value,
  label: kindLabels[value],
}))

/** A node's facts, read-only. */
export function NodeView({ nodes, node }: { nodes: readonly EditNode[]; node: EditNode | undefined }) {
  if (!node) return <Empty description="在节点树中选择一个节点查看详情" image={Empty.PRESENTED_IMAGE_SIMPLE} />
  const parent = nodes.find((n) => n.code === node.parentCode)
  return (
    <Descriptions column={1} size="small" className="fm-detail" data-testid="node-view">
      <Descriptions.Item label="名称">
        <Typography.Text strong>{node.name}</Typography.Text>
        {node.toBeCompleted ? (
          <Tag color="orange" style={{ marginInlineStart: 8 }}>
            待城市补充
          </Tag>
        ) : null}
      </Descriptions.Item>
      <Descriptions.Item label="编码">
        <Typography.Text className="fm-mono">{node.code}</Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label="类型">
        {kindLabels[node.kind]}（第 {node.level} 层）
      </Descriptions.Item>
      <Descriptions.Item label="上级">{parent?.name ?? '—（顶层）'}</Descriptions.Item>
      <Descriptions.Item label="下级">{childrenOf(nodes, node.code).length} 个</Descriptions.Item>
      <Descriptions.Item label="关键词">
        {node.keywords.length ? (
          <Space size={[4, 4]} wrap>
            {node.keywords.map((k) => (
              <Tag key={k} color="geekblue" bordered={false}>
                {k}
              </Tag>
            ))}
          </Space>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        )}
      </Descriptions.Item>
      <Descriptions.Item label="说明">{node.note ?? '—'}</Descriptions.Item>
    </Descriptions>
  )
}

type TreeOption = { value: string; title: string; children?: TreeOption[]; disabled?: boolean }

function parentOptions(nodes: readonly EditNode[], moving: string): TreeOption[] {
  const excluded = subtreeCodes(nodes, moving)
  const toOption = (n: EditNode): TreeOption => {
    const kids = childrenOf(nodes, n.code)
    return {
      value: n.code,
      title: n.name,
      disabled: excluded.has(n.code),
      ...(kids.length ? { children: kids.map(toOption) } : {}),
    }
  }
  return [{ value: '__root__', title: '（顶层）' }, ...childrenOf(nodes, null).map(toOption)]
}

/**
 * Edits the selected node of the working copy: rename, type, move (choose another parent), keywords, the
 * 待城市补充 mark with its reason; add a child or a sibling; remove it with everything below.
 */
export function NodeEditor({
  nodes,
  node,
  onChange,
  onSelect,
}: {
  nodes: readonly EditNode[]
  node: EditNode | undefined
  onChange: (nodes: EditNode[]) => void
  onSelect: (code: string | undefined) => void
}) {
  const add = (parentCode: string | null) => {
    const [next, code] = addNode(nodes, parentCode, '新节点')
    onChange(next)
    onSelect(code)
  }
  if (!node)
    return (
      <Space direction="vertical" style={{ width: '100%' }}>
        <Empty description="在节点树中选择一个节点进行编辑，或拖动节点调整位置" image={Empty.PRESENTED_IMAGE_SIMPLE} />
        <Button block icon={<PlusOutlined />} onClick={() => add(null)}>
          添加顶层节点
        </Button>
      </Space>
    )
  const set = (change: Partial<EditNode>) => onChange(updateNode(nodes, node.code, change))
  const below = subtreeCodes(nodes, node.code).size - 1
  const badKeywords = node.keywords
    .map((k) => [k, keywordProblem(k)] as const)
    .filter((entry): entry is readonly [string, string] => entry[1] !== null)
  const kind = kindProblem(nodes, node)
  return (
    <Form layout="vertical" data-testid="node-editor">
      <Form.Item label="节点名称" required validateStatus={node.name.trim() ? undefined : 'error'}>
        <Input
          value={node.name}
          maxLength={50}
          data-testid="node-name"
          onChange={(e) => set({ name: e.target.value })}
        />
      </Form.Item>
      <Space wrap size={16} style={{ width: '100%' }}>
        <Form.Item label="类型" validateStatus={kind ? 'error' : undefined} help={kind}>
          <Select
            style={{ width: 140 }}
            value={node.kind}
            options={kindOptions}
            onChange={(value: EditNode['kind']) => set({ kind: value })}
          />
        </Form.Item>
        <Form.Item label="编码">
          <Typography.Text className="fm-mono">{node.code}</Typography.Text>
        </Form.Item>
      </Space>
      <Form.Item label="上级节点（移动）" extra="也可以在节点树中拖动节点调整位置">
        <TreeSelect
          value={node.parentCode ?? '__root__'}
          treeData={parentOptions(nodes, node.code)}
          treeDefaultExpandAll
          showSearch
          treeNodeFilterProp="title"
          data-testid="node-parent"
          onChange={(value: string) => onChange(moveNode(nodes, node.code, value === '__root__' ? null : value))}
        />
      </Form.Item>
      <Form.Item
        label="关键词"
        extra="用于把成果、需求、企业归入本节点；输入后回车，每个 2–20 个字、含汉字"
        validateStatus={badKeywords.length ? 'error' : undefined}
        help={badKeywords.length ? badKeywords.map(([k, p]) => `“${k}”：${p}`).join('；') : undefined}
      >
        <Select
          mode="tags"
          value={node.keywords}
          open={false}
          suffixIcon={null}
          tokenSeparators={['，', ',', '、']}
          placeholder="如：人形机器人、灵巧手"
          data-testid="node-keywords"
          onChange={(keywords: string[]) =>
            set({ keywords: [...new Set(keywords.map((k) => k.trim()).filter(Boolean))] })
          }
        />
      </Form.Item>
      <Form.Item label="待城市补充">
        <Switch
          checked={node.toBeCompleted}
          checkedChildren="是"
          unCheckedChildren="否"
          onChange={(toBeCompleted) => set({ toBeCompleted })}
        />
      </Form.Item>
      <Form.Item
        label="说明"
        required={node.toBeCompleted}
        validateStatus={node.toBeCompleted && !node.note?.trim() ? 'error' : undefined}
        help={node.toBeCompleted && !node.note?.trim() ? '待城市补充的节点请说明原因' : undefined}
      >
        <Input.TextArea
          rows={2}
          maxLength={500}
          value={node.note ?? ''}
          placeholder="依据的文件条款，或为何待补充"
          onChange={(e) => set({ note: e.target.value.trim() ? e.target.value : undefined })}
        />
      </Form.Item>
      <Space wrap>
        <Button icon={<PlusOutlined />} onClick={() => add(node.code)} data-testid="add-child">
          添加下级节点
        </Button>
        <Button icon={<PlusOutlined />} onClick={() => add(node.parentCode)} data-testid="add-sibling">
          添加同级节点
        </Button>
        <Popconfirm
          title={`删除“${node.name}”？`}
          description={
            below
              ? `其下 ${below} 个节点将一并删除。已归入这些节点的记录将不再显示其产业分类。`
              : '已归入该节点的记录将不再显示其产业分类。'
          }
          okText="删除"
          cancelText="取消"
          okButtonProps={{ danger: true }}
          onConfirm={() => {
            onChange(removeNode(nodes, node.code))
            onSelect(node.parentCode ?? undefined)
          }}
        >
          <Button danger icon={<DeleteOutlined />} data-testid="remove-node">
            删除节点
          </Button>
        </Popconfirm>
      </Space>
      {below ? (
        <Alert
          style={{ marginTop: 12 }}
          type="info"
          showIcon
          message={`该节点下有 ${below} 个节点，移动或删除时一并处理。`}
        />
      ) : null}
    </Form>
  )
}
