import { CheckCircleOutlined, RightOutlined } from '@ant-design/icons'
import { Card, Empty, List, Skeleton, Tag } from 'antd'
import dayjs from 'dayjs'
import { Link } from 'react-router-dom'
import type { SummaryTodo } from '../api/get-home-summary'

function DueTag({ due }: { due: string }) {
  const days = dayjs(due).startOf('day').diff(dayjs().startOf('day'), 'day')
  const color = days < 0 ? 'red' : days <= 3 ? 'orange' : 'default'
  const text = days < 0 ? `已逾期 ${-days} 天` : days === 0 ? '今天到期' : `${dayjs(due).format('MM-DD')} 到期`
  return <Tag color={color}>{text}</Tag>
}

export function TodoList({ todos, loading }: { todos: SummaryTodo[] | undefined; loading: boolean }) {
  return (
    <Card title="待办事项" size="small" data-testid="todos">
      {loading ? (
        <Skeleton active paragraph={{ rows: 3 }} title={false} />
      ) : !todos || todos.length === 0 ? (
        <Empty
          image={<CheckCircleOutlined style={{ fontSize: 40, color: '#52c41a' }} />}
          imageStyle={{ height: 48 }}
          description="暂无待办事项，一切就绪"
        />
      ) : (
        <List
          dataSource={todos}
          renderItem={(todo) => {
            const body = (
              <div style={{ display: 'flex', alignItems: 'center', gap: 8, width: '100%' }}>
                <span style={{ flex: 1, minWidth: 0 }}>{todo.title}</span>
                {todo.due ? <DueTag due={todo.due} /> : null}
                {todo.link ? <RightOutlined style={{ color: '#bfbfbf', fontSize: 12 }} /> : null}
              </div>
            )
            return (
              <List.Item key={todo.key}>
                {todo.link ? (
                  <Link to={todo.link} style={{ width: '100%', color: 'inherit' }}>
                    {body}
                  </Link>
                ) : (
                  body
                )}
              </List.Item>
            )
          }}
        />
      )}
    </Card>
  )
}
