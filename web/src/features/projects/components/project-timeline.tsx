import { Card, Empty, Timeline, Typography } from 'antd'
import { formatDateTime } from '../../../shared/format'
import type { ProjectDetail } from '../api/types'
import { statusLabels } from './labels'

/** Every status change with who and why, oldest first: the project's own history. */
export function ProjectTimeline({ project }: { project: ProjectDetail }) {
  if (!project.events.length)
    return (
      <Card size="small">
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无进展记录" />
      </Card>
    )
  return (
    <Card size="small" title="状态变更记录">
      <Timeline
        data-testid="project-timeline"
        items={project.events.map((e, i) => ({
          key: `${e.at}-${i}`,
          color: e.to === 'rejected' || e.to === 'terminated' ? 'red' : e.to === 'returned' ? 'orange' : 'blue',
          children: (
            <div>
              <Typography.Text strong>
                {e.from ? `${statusLabels[e.from as keyof typeof statusLabels] ?? e.from} → ` : ''}
                {e.toLabel}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                {formatDateTime(e.at)}
                {e.actorName ? ` · ${e.actorName}` : ''}
              </Typography.Text>
              {e.note ? <div className="fm-detail-text">{e.note}</div> : null}
            </div>
          ),
        }))}
      />
    </Card>
  )
}
