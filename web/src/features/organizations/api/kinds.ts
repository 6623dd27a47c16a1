import { organizationKindLabels } from '../../../../../server/src/modules/organizations/labels'
import type { OrganizationKind } from '../../../shared/contracts'

export { organizationKindLabels }

export const organizationKindOptions = (Object.keys(organizationKindLabels) as OrganizationKind[]).map((kind) => ({
  value: kind,
  label: organizationKindLabels[kind],
}))
