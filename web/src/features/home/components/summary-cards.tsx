import { Card, Skeleton, Typography } from 'antd'
import { Link } from 'react-router-dom'
import type { SummaryCard } from '../api/get-home-summary'
import { cardIcon, toneColors } from './card-icons'

function CardBody({ card }: { card: SummaryCard }) {
  const tone = toneColors[card.tone ?? 'default']
  return (
    <div style={{ display: 'flex', gap: 12, alignItems: 'flex-start' }}>
      <span
        style={{
          flex: '0 0 40px',
          height: 40,
          borderRadius: 10,
          display: 'inline-flex',
          alignItems: 'center',
          justifyContent: 'center',
          fontSize: 20,
          color: tone.color,
          background: tone.background,
        }}
      >
        {cardIcon(card.key)}
      </span>
      <div style={{ minWidth: 0 }}>
        <Typography.Text type="secondary" style={{ fontSize: 13 }} ellipsis>
          {card.title}
        </Typography.Text>
        <div style={{ lineHeight: 1.25, marginTop: 2 }}>
          <span
            style={{
              fontSize: 26,
              fontWeight: 600,
              color: card.tone && card.tone !== 'default' ? tone.color : undefined,
            }}
          >
            {card.value}
          </span>
          {card.unit ? <span style={{ marginInlineStart: 4, color: '#8c8c8c' }}>{card.unit}</span> : null}
        </div>
        {card.hint ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: card.hint }}>
            {card.hint}
          </Typography.Text>
        ) : null}
      </div>
    </div>
  )
}

export function SummaryCards({ cards, loading }: { cards: SummaryCard[] | undefined; loading: boolean }) {
  if (loading) {
    return (
      <div className="fm-card-grid">
        {[0, 1, 2, 3].map((n) => (
          <Card key={n} size="small">
            <Skeleton active paragraph={{ rows: 1 }} title={false} />
          </Card>
        ))}
      </div>
    )
  }
  // Roles whose work has no figures yet show no empty box; later modules add their cards.
  if (!cards || cards.length === 0) return null
  return (
    <div className="fm-card-grid" data-testid="summary-cards">
      {cards.map((card) =>
        card.link ? (
          <Link key={card.key} to={card.link} data-testid={`card-${card.key}`} style={{ display: 'block' }}>
            <Card size="small" hoverable style={{ height: '100%' }}>
              <CardBody card={card} />
            </Card>
          </Link>
        ) : (
          <Card key={card.key} size="small" data-testid={`card-${card.key}`} style={{ height: '100%' }}>
            <CardBody card={card} />
          </Card>
        ),
      )}
    </div>
  )
}
