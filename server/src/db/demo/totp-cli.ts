import { timeStep, totpCode } from '../../platform/auth/totp'
import { now } from '../../platform/clock/clock'
import { demoAccounts, demoTotpSecret } from './accounts'

// Prints the current second-factor code of a demo account: `npm run demo:totp -- city`.
const username = process.argv[2]
const account = demoAccounts.find((a) => a.username === username)
if (!account) {
  console.error(`用法: npm run demo:totp -- <演示账号>，可选：${demoAccounts.map((a) => a.username).join(', ')}`)
  process.exit(2)
}
console.log(totpCode(demoTotpSecret(account.username), timeStep(now())))
