import type { Page } from 'playwright-core'
import { DEMO_PASSWORD, demoAccounts, demoTotpSecret } from '../../server/src/db/demo/accounts'
import type { Role } from '../../server/src/platform/auth/roles'
import { nextTotpCode } from './totp'

export type DemoAccount = (typeof demoAccounts)[number]

export function demoAccount(role: Role): DemoAccount {
  const account = demoAccounts.find((a) => a.role === role)
  if (!account) throw new Error(`no demo account for ${role}`)
  return account
}

export async function fillCredentials(page: Page, username: string, password: string) {
  if (!page.url().includes('/sign-in')) await page.goto('/sign-in')
  await page.getByLabel('账号').fill(username)
  await page.getByLabel('密码', { exact: true }).fill(password)
  await page.getByRole('button', { name: /登\s*录/ }).click()
}

/** Types a 6-digit code into the six boxes (the form submits by itself once all six are in). */
export async function typeTotp(page: Page, code: string) {
  const first = page.getByTestId('totp-input').locator('input').first()
  await first.click()
  await page.keyboard.type(code, { delay: 30 })
}

/** The state the sign-in page is in after the password: signed in, or one of the server's challenges. */
export async function nextSignInScreen(page: Page): Promise<'home' | 'totp' | 'changePassword' | 'error'> {
  const screens = {
    home: page.getByTestId('home'),
    totp: page.getByTestId('totp-input'),
    changePassword: page.getByText('设置新密码并继续'),
    error: page.getByTestId('sign-in-error'),
  } as const
  await screens.home.or(screens.totp).or(screens.changePassword).or(screens.error).first().waitFor()
  for (const [name, locator] of Object.entries(screens)) {
    if (await locator.isVisible()) return name as keyof typeof screens
  }
  throw new Error('no sign-in screen visible')
}

/** Signs in as a person does: account and password, then the 6-digit code when the role needs one. */
export async function signIn(page: Page, username: string, password: string, totpSecret?: string) {
  await page.goto('/sign-in')
  await fillCredentials(page, username, password)
  const screen = await nextSignInScreen(page)
  if (screen === 'error')
    throw new Error(`sign-in refused for ${username}: ${await page.getByTestId('sign-in-error').textContent()}`)
  if (screen === 'totp') {
    if (!totpSecret) throw new Error(`${username} was asked for a second factor but has no secret`)
    await typeTotp(page, await nextTotpCode(username, totpSecret))
    await page.getByTestId('home').waitFor()
  }
  if (screen === 'changePassword') throw new Error(`${username} must change the password first`)
}

export async function signInAs(page: Page, role: Role): Promise<DemoAccount> {
  const account = demoAccount(role)
  await signIn(page, account.username, DEMO_PASSWORD, demoTotpSecret(account.username))
  return account
}

/** The paths of the menu entries the page shows in its side menu. */
export async function menuPaths(page: Page): Promise<string[]> {
  const links = page.locator('.ant-layout-sider [data-menu-path]')
  await links.first().waitFor()
  const paths = await links.evaluateAll((els) => els.map((el) => el.getAttribute('data-menu-path') ?? ''))
  return [...new Set(paths)].sort()
}

export { DEMO_PASSWORD, demoAccounts, demoTotpSecret }

/** The base32 secret the enrollment screen shows (grouped in fours for people). */
export async function readEnrollmentSecret(page: Page): Promise<string> {
  const text = await page.getByTestId('totp-secret').textContent()
  return (text ?? '').replace(/[^A-Z2-7]/g, '')
}

/**
 * A new account's first sign-in: the one-time password, then a new password (the policy is shown), then,
 * for roles that require it, binding an authenticator. Returns the TOTP secret when one was bound.
 */
export async function firstSignIn(
  page: Page,
  username: string,
  initialPassword: string,
  newPassword: string,
  onScreen?: (screen: 'changePassword' | 'enrollTotp') => Promise<void>,
): Promise<string | undefined> {
  await page.goto('/sign-in')
  await fillCredentials(page, username, initialPassword)
  if ((await nextSignInScreen(page)) !== 'changePassword')
    throw new Error(`${username} was not asked for a new password`)
  await page.getByTestId('password-policy').waitFor()
  await page.getByLabel('新密码', { exact: true }).fill(newPassword)
  await page.getByLabel('确认新密码').fill(newPassword)
  await onScreen?.('changePassword')
  await page.getByRole('button', { name: '设置新密码并继续' }).click()
  await page
    .getByTestId('home')
    .or(page.getByTestId('totp-enrollment'))
    .or(page.getByTestId('sign-in-error'))
    .first()
    .waitFor()
  if (await page.getByTestId('sign-in-error').isVisible()) {
    throw new Error(`new password refused: ${await page.getByTestId('sign-in-error').textContent()}`)
  }
  if (await page.getByTestId('home').isVisible()) return undefined
  await onScreen?.('enrollTotp')
  const secret = await readEnrollmentSecret(page)
  await typeTotp(page, await nextTotpCode(username, secret))
  await page.getByTestId('home').waitFor()
  return secret
}
