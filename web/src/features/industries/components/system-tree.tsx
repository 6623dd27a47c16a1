import { Empty, Tag, Tree, type TreeDataNode, type TreeProps, Typography } from 'antd'
import { useMemo, useState } from 'react'
import { childrenOf, type EditNode, kindLabels, moveNode } from './tree-model'

type Props = {
  nodes: readonly EditNode[]
  selected: string | undefined
  onSelect: (code: string | undefined) => void
  /** Drag and drop to move nodes (edit mode). */
  onChange?: (nodes: EditNode[]) => void
  /** Codes of nodes the server or the checks found a problem in. */
  flagged?: ReadonlySet<string>
}

function Title({ node, flagged }: { node: EditNode; flagged: boolean }) {
  return (
    <span className="fm-industry-node" data-testid={`node-${node.code}`}>
      <Typography.Text strong={node.level === 1} type={flagged ? 'danger' : undefined}>
        {node.name}
      </Typography.Text>
      {node.level === 1 ? (
        <Tag bordered={false} style={{ marginInlineStart: 6 }}>
          {kindLabels[node.kind]}
        </Tag>
      ) : null}
      {node.toBeCompleted ? (
        <Tag color="orange" bordered={false} style={{ marginInlineStart: 6 }} data-testid="to-be-completed">
          待城市补充
        </Tag>
      ) : null}
      {node.keywords.length ? (
        <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>
          {node.keywords.length} 个关键词
        </Typography.Text>
      ) : null}
    </span>
  )
}

/** An industry system as a tree: groups, industries, segments; 待城市补充 marked; draggable when editing. */
export function SystemTree({ nodes, selected, onSelect, onChange, flagged }: Props) {
  // Collapsed nodes are remembered; everything else (new nodes too) shows expanded.
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set())
  const treeData = useMemo(() => {
    const toData = (node: EditNode): TreeDataNode => {
      const kids = childrenOf(nodes, node.code)
      return {
        key: node.code,
        title: <Title node={node} flagged={flagged?.has(node.code) ?? false} />,
        ...(kids.length ? { children: kids.map(toData) } : {}),
      }
    }
    return childrenOf(nodes, null).map(toData)
  }, [nodes, flagged])

  const onDrop: TreeProps['onDrop'] = (info) => {
    if (!onChange) return
    const target = nodes.find((n) => n.code === String(info.node.key))
    const dragged = String(info.dragNode.key)
    if (!target) return
    if (!info.dropToGap) {
      onChange(moveNode(nodes, dragged, target.code))
      return
    }
    // Dropped in the gap before (-1) or after (1) the target: a sibling of it.
    const relative = info.dropPosition - Number(String(info.node.pos).split('-').at(-1))
    const siblings = childrenOf(nodes, target.parentCode).filter((n) => n.code !== dragged)
    const at = siblings.findIndex((n) => n.code === target.code)
    const before = relative < 0 ? target.code : siblings[at + 1]?.code
    onChange(moveNode(nodes, dragged, target.parentCode, before))
  }

  if (!nodes.length) return <Empty description="该体系暂无节点" image={Empty.PRESENTED_IMAGE_SIMPLE} />
  return (
    <Tree
      data-testid="industry-tree"
      blockNode
      showLine
      expandedKeys={nodes.map((n) => n.code).filter((code) => !collapsed.has(code))}
      onExpand={(keys) => {
        const open = new Set(keys.map(String))
        setCollapsed(new Set(nodes.map((n) => n.code).filter((code) => !open.has(code))))
      }}
      treeData={treeData}
      selectedKeys={selected ? [selected] : []}
      onSelect={(keys) => onSelect(keys[0] === undefined ? undefined : String(keys[0]))}
      draggable={onChange ? { icon: false } : false}
      onDrop={onDrop}
    />
  )
}
