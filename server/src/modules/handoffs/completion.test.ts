import { describe, expect, it } from 'vitest'
import { type CompletionFacts, completionBlockers } from './completion'

const ready: CompletionFacts = {
  projectStatus: 'handedOff',
  milestones: [{ title: '首批试制', doneDate: '2026-03-01' }],
  findings: [{ description: '良率偏低', severity: 'major', status: 'resolved' }],
}

describe('when a pilot may be completed', () => {
  it.each<[string, Partial<CompletionFacts>, string[]]>([
    ['everything done', {}, []],
    ['landed meanwhile', { projectStatus: 'landed' }, []],
    ['no nodes planned', { milestones: [] }, []],
    [
      'back in verification',
      { projectStatus: 'verifying' },
      ['项目已重新开启验证，须待验证中心复核通过并重新出具报告后才能完成中试'],
    ],
    ['verification terminated', { projectStatus: 'terminated' }, ['项目验证已终止，不能完成中试']],
    [
      'a critical finding unanswered',
      { findings: [{ description: '高温 85℃ 下灵敏度衰减 30%', severity: 'critical', status: 'open' }] },
      ['中试反馈尚未解决：高温 85℃ 下灵敏度衰减 30%（严重）'],
    ],
    [
      'a finding that reopened verification, not yet closed',
      { findings: [{ description: '成本模型偏差', severity: 'minor', status: 'reopened' }] },
      ['中试反馈尚未解决：成本模型偏差（一般）'],
    ],
    [
      'a minor finding still open',
      { findings: [{ description: '说明书错字', severity: 'minor', status: 'open' }] },
      [],
    ],
    ['a node not done', { milestones: [{ title: '首批试制', doneDate: null }] }, ['中试节点尚未完成：首批试制']],
  ])('%s', (_, change, blockers) => {
    expect(completionBlockers({ ...ready, ...change })).toEqual(blockers)
  })
})
