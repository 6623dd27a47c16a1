export {
  fundingRoundLabels,
  fundingRounds,
  outcomeKindLabels,
  relayLegLabels,
  relayLegs,
} from '@server/modules/outcomes/labels'

export const outcomeKindColors: Record<string, string> = {
  sample: 'cyan',
  product: 'blue',
  company: 'green',
  license: 'purple',
  transfer: 'purple',
  equity: 'magenta',
  funding: 'gold',
  serviceFee: 'default',
}
