import { BulbOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, Empty, Input, Progress, Space, Tag, Typography } from 'antd'
import { useState } from 'react'
import { Link } from 'react-router-dom'
import { errorMessage } from '../../../shared/http'
import { useMatchAchievements } from '../api/match-text'

/**
 * 描述您的技术需求，为您匹配成果: free text in, the selected city's public achievements out (the city the
 * catalogue lists), each with why it was chosen.
 */
export function MatchBox({ city, cityName }: { city: string; cityName?: string }) {
  const { message } = App.useApp()
  const [text, setText] = useState('')
  const match = useMatchAchievements(city)
  const submit = () => {
    const value = text.trim()
    if (value.length < 2) {
      message.warning('请至少输入 2 个字的需求描述')
      return
    }
    match.mutate(value, { onError: (error) => message.error(errorMessage(error)) })
  }
  const results = match.data?.results
  const best = Math.max(...(results ?? []).map((r) => r.score), Number.EPSILON)
  const percent = (score: number) => Math.max(0, Math.min(100, Math.round((score / best) * 100)))
  return (
    <Card
      data-testid="match-box"
      title={
        <Space>
          <BulbOutlined style={{ color: '#d48806' }} />
          描述您的技术需求，为您匹配成果
        </Space>
      }
    >
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <Input.TextArea
          data-testid="match-text"
          rows={3}
          maxLength={4000}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="例如：我们需要人形机器人关节的力矩控制方案，要求响应快、可批量生产"
        />
        <Button type="primary" onClick={submit} loading={match.isPending} data-testid="match-submit">
          为我匹配
        </Button>
        {results === undefined ? null : results.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂未找到相关成果，换个说法试试" />
        ) : (
          <div data-testid="match-results">
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              以下为{cityName ?? ''}公开成果中与您的描述最相关的 {results.length} 项，匹配度按最相关者为 100% 计：
            </Typography.Text>
            {results.map((result, index) => (
              <div key={result.id} className="fm-match-item" data-testid="match-result">
                <div className="fm-match-head">
                  <Space size={8} align="start" style={{ minWidth: 0, flex: '1 1 200px' }}>
                    <Tag color={index < 3 ? 'blue' : 'default'} bordered={false}>
                      {index + 1}
                    </Tag>
                    <Link to={`/portal/achievement/${result.id}?city=${city}`} style={{ fontWeight: 500 }}>
                      {result.title}
                    </Link>
                  </Space>
                  <div className="fm-score">
                    <Progress percent={percent(result.score)} size="small" showInfo={false} />
                    <Typography.Text style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                      匹配度 {percent(result.score)}%
                    </Typography.Text>
                  </div>
                </div>
                <ul className="fm-match-reasons" data-testid="match-reasons">
                  {result.reasons.map((reason) => (
                    <li key={reason}>{reason}</li>
                  ))}
                </ul>
              </div>
            ))}
            <Alert
              type="info"
              showIcon
              style={{ marginTop: 8 }}
              message="看中某项成果？打开详情点“我有意向”，登录后即可联系成果方。"
            />
          </div>
        )}
      </Space>
    </Card>
  )
}
