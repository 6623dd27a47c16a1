import { BulbOutlined, CheckOutlined } from '@ant-design/icons'
import { useMutation } from '@tanstack/react-query'
import { App, Button, Card, Space, Tag, Tooltip, Typography } from 'antd'
import { useState } from 'react'
import { errorMessage, http } from '../http'
import { categoryOf } from './disciplines'
import { qualifiedCode, useIndustrySystems } from './industry-systems'

type Prediction = { label: string; confidence: number }
export type ClassifyResult = {
  category: Prediction & { alternatives: Prediction[] }
  discipline: Prediction & { alternatives: Prediction[] }
  industries: { code: string; name: string; confidence: number; matched: string[] }[]
}

export const classifyText = (text: string, jurisdiction?: string) =>
  http.post<ClassifyResult>('/classify', { text, jurisdiction })

export type SuggestedClassification = { category?: string; discipline?: string; industryCodes: string[] }

const percent = (confidence: number) => `${Math.round(confidence * 100)}%`
/** Industries preselected from a suggestion: the confident ones, at most three. */
const PRESELECT_CONFIDENCE = 0.4
const NATIONAL = '000000'

/**
 * The area's own chains first (that is what the city counts by); the national 战略性新兴产业分类 only when
 * nothing local is confident enough.
 */
function preselect(
  industries: ClassifyResult['industries'],
  nationalSystems: ReadonlySet<string>,
  parentOf: ReadonlyMap<string, string>,
): string[] {
  const confident = industries.filter((i) => i.confidence >= PRESELECT_CONFIDENCE)
  const local = confident.filter((i) => !nationalSystems.has(i.code.split(':')[0] ?? ''))
  const codes = (local.length ? local : confident).map((i) => i.code)
  // A chain says its sector too (具身智能机器人 → 人工智能): a node is not preselected beside one of its own chains.
  const ancestors = new Set<string>()
  for (const code of codes)
    for (let up = parentOf.get(code); up && !ancestors.has(up); up = parentOf.get(up)) ancestors.add(up)
  return codes.filter((code) => !ancestors.has(code)).slice(0, 3)
}

/**
 * 智能推荐分类: suggests 学科门类 / 一级学科 / the area's industry nodes from the text so far; the person picks what
 * fits and applies it, then corrects the fields if needed (what is saved is what the person chose).
 */
export function ClassificationSuggest({
  getText,
  jurisdiction,
  withDiscipline,
  onApply,
}: {
  getText: () => string
  jurisdiction?: string
  /** Achievements have 学科; demands only industries. */
  withDiscipline: boolean
  onApply: (choice: SuggestedClassification) => void
}) {
  const { message } = App.useApp()
  const suggest = useMutation({ mutationFn: (text: string) => classifyText(text, jurisdiction) })
  const [category, setCategory] = useState<string>()
  const [discipline, setDiscipline] = useState<string>()
  const [industries, setIndustries] = useState<string[]>([])
  const [applied, setApplied] = useState(false)
  const systems = useIndustrySystems(jurisdiction)
  const nationalCodes = new Set(
    (systems.data?.items ?? []).filter((s) => s.jurisdictionCode === NATIONAL).map((s) => s.code),
  )
  const isNational = (code: string) => nationalCodes.has(code.split(':')[0] ?? '')
  const parentOf = new Map(
    (systems.data?.items ?? []).flatMap((s) =>
      s.nodes.flatMap((n) =>
        n.parentCode ? [[qualifiedCode(s.code, n.code), qualifiedCode(s.code, n.parentCode)]] : [],
      ),
    ) as [string, string][],
  )

  const run = () => {
    const text = getText().trim()
    if (text.length < 4) {
      message.warning('请先填写名称和简介，再获取推荐')
      return
    }
    setApplied(false)
    suggest.mutate(text, {
      onSuccess: (result) => {
        setCategory(result.category.label)
        setDiscipline(disciplinesIn(result, result.category.label)[0]?.label)
        setIndustries(preselect(result.industries, nationalCodes, parentOf))
      },
      onError: (error) => message.error(errorMessage(error)),
    })
  }
  const apply = () => {
    onApply({ ...(withDiscipline ? { category, discipline } : {}), industryCodes: industries })
    setApplied(true)
    message.success('已填入推荐分类，可在下方继续修改')
  }
  const result = suggest.data

  return (
    <Card
      size="small"
      className="fm-suggest"
      data-testid="classification-suggest"
      title={
        <Space>
          <BulbOutlined style={{ color: '#d48806' }} />
          智能推荐分类
        </Space>
      }
      extra={
        <Button size="small" onClick={run} loading={suggest.isPending} data-testid="classify">
          {result ? '重新推荐' : '根据名称和简介推荐'}
        </Button>
      }
    >
      {!result ? (
        <Typography.Text type="secondary">
          填写名称和简介后点击推荐，系统会给出{withDiscipline ? '学科门类、一级学科和' : ''}
          本地区产业体系中的产业分类及置信度，由您确认或修改。
        </Typography.Text>
      ) : (
        <Space direction="vertical" size={8} style={{ width: '100%' }}>
          {withDiscipline ? (
            <>
              <ChoiceRow
                title="学科门类"
                options={[result.category, ...result.category.alternatives]}
                value={category}
                onChange={(label) => {
                  setCategory(label)
                  setDiscipline(disciplinesIn(result, label)[0]?.label)
                }}
              />
              <ChoiceRow
                title="一级学科"
                options={disciplinesIn(result, category)}
                value={discipline}
                onChange={setDiscipline}
                empty="该门类下没有把握较大的一级学科，请在下方选择"
              />
            </>
          ) : null}
          <div className="fm-suggest-row">
            <Typography.Text type="secondary" className="fm-suggest-label">
              产业分类
            </Typography.Text>
            <span className="fm-suggest-choices">
              {result.industries.length === 0 ? (
                <Typography.Text type="secondary">未识别出相关产业，请手动选择</Typography.Text>
              ) : (
                result.industries.map((industry) => (
                  <Tag.CheckableTag
                    key={industry.code}
                    checked={industries.includes(industry.code)}
                    onChange={(checked) =>
                      setIndustries(
                        checked ? [...industries, industry.code] : industries.filter((c) => c !== industry.code),
                      )
                    }
                  >
                    <Tooltip title={industry.matched.length ? `依据：${industry.matched.join('、')}` : undefined}>
                      {industry.name}
                      {isNational(industry.code) ? '（国家分类）' : ''} {percent(industry.confidence)}
                    </Tooltip>
                  </Tag.CheckableTag>
                ))
              )}
            </span>
          </div>
          <Space>
            <Button type="primary" size="small" icon={<CheckOutlined />} onClick={apply} data-testid="classify-apply">
              采用所选分类
            </Button>
            {applied ? <Typography.Text type="success">已填入，可继续修改</Typography.Text> : null}
          </Space>
        </Space>
      )}
    </Card>
  )
}

/** The suggested 一级学科 that belong to the chosen 门类 (the two are predicted separately). */
function disciplinesIn(result: ClassifyResult, category: string | undefined): Prediction[] {
  return [result.discipline, ...result.discipline.alternatives].filter(
    (d) => !category || categoryOf(d.label) === category,
  )
}

function ChoiceRow({
  title,
  options,
  value,
  onChange,
  empty,
}: {
  title: string
  options: Prediction[]
  value: string | undefined
  onChange: (label: string) => void
  empty?: string
}) {
  return (
    <div className="fm-suggest-row">
      <Typography.Text type="secondary" className="fm-suggest-label">
        {title}
      </Typography.Text>
      <span className="fm-suggest-choices">
        {options.length === 0 && empty ? <Typography.Text type="secondary">{empty}</Typography.Text> : null}
        {options.map((option) => (
          <Tag.CheckableTag key={option.label} checked={value === option.label} onChange={() => onChange(option.label)}>
            {option.label} {percent(option.confidence)}
          </Tag.CheckableTag>
        ))}
      </span>
    </div>
  )
}
