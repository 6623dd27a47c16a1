import { useSearchParams } from 'react-router-dom'
import { Page } from '../../../shared/page'
import { PolicyCalculator } from '../components/policy-calculator'

/** 政策计算器 for a signed-in person: their own carriers' platform data and ledger may be used. */
export function CalculatorPage() {
  const [params, setParams] = useSearchParams()
  return (
    <Page title="政策计算器">
      <PolicyCalculator
        code={params.get('policy') ?? undefined}
        onCodeChange={(code) => setParams({ policy: code }, { replace: true })}
        signedIn
      />
    </Page>
  )
}
