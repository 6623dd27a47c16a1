import './platform/http/zod-locale'
import fs from 'node:fs'
import path from 'node:path'
import fastifyCookie from '@fastify/cookie'
import fastifyHelmet from '@fastify/helmet'
import fastifyMultipart from '@fastify/multipart'
import fastifyRateLimit from '@fastify/rate-limit'
import fastifyStatic from '@fastify/static'
import fastifySwagger from '@fastify/swagger'
import fastifySwaggerUi from '@fastify/swagger-ui'
import Fastify, { type FastifyReply, type FastifyServerOptions, LogController } from 'fastify'
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod'
import type { DbKind } from './db'
import { registerAuthRoutes } from './modules/accounts/auth-routes'
import { requestActorHook } from './modules/accounts/request-actor'
import { registerAccountRoutes } from './modules/accounts/routes'
import { registerAccreditationRoutes } from './modules/accreditation/routes'
import { registerAchievementRoutes } from './modules/achievements/routes'
import { registerAuditRoutes } from './modules/audit/routes'
import { registerCalendarRoutes } from './modules/calendar/routes'
import { registerCarrierRoutes } from './modules/carriers/routes'
import { registerClassificationRoutes } from './modules/classification/routes'
import { registerCockpitRoutes } from './modules/cockpit/routes'
import { registerDemandRoutes } from './modules/demands/routes'
import { registerEnterpriseRoutes } from './modules/enterprises/routes'
import { registerEvaluationRoutes } from './modules/evaluations/routes'
import { registerEventRoutes } from './modules/events/routes'
import { registerExpertRoutes } from './modules/experts/routes'
import { registerHandoffRoutes } from './modules/handoffs/routes'
import { registerHealthRoutes } from './modules/health/routes'
import { registerHomeRoutes } from './modules/home/routes'
import { registerIndustryRoutes } from './modules/industries/routes'
import { registerInstrumentRoutes } from './modules/instruments/routes'
import { registerInvestorRoutes } from './modules/investors/routes'
import { registerJurisdictionRoutes } from './modules/jurisdictions/routes'
import { registerLeadRoutes } from './modules/leads/routes'
import { registerMatchingRoutes } from './modules/matching/routes'
import { registerOrganizationRoutes } from './modules/organizations/routes'
import { registerOutcomeRoutes } from './modules/outcomes/routes'
import { registerPolicyRoutes } from './modules/policies/routes'
import { registerPortalRoutes } from './modules/portal/routes'
import { registerProjectRoutes } from './modules/projects/routes'
import { registerScenarioRoutes } from './modules/scenarios/routes'
import { registerSearchProfiles } from './modules/search/profiles'
import { registerVerificationRoutes } from './modules/verification/routes'
import { registerVoucherRoutes } from './modules/vouchers/routes'
import type { Action } from './platform/auth/permissions'
import { AppError } from './platform/errors/errors'
import { registerResponseCompression } from './platform/http/compress'
import { errorBody, handleError } from './platform/http/error-handler'
import type { App } from './platform/http/types'
import { newId } from './platform/ids/ids'
import { MAX_FILE_BYTES } from './platform/registry/import/routes'
import { setRuntime } from './platform/runtime/runtime'

export type AppOptions = {
  dbKind: DbKind
  version: string
  demo: boolean
  requireTotp: boolean
  cookieSecure?: 'auto' | 'always' | 'never'
  trustProxy?: boolean
  rateLimitPerMinute?: number
  /** Sign-in and challenge requests per minute per address (flood control; failures are throttled separately). */
  signInRateLimitPerMinute?: number
  webDir?: string
  logger?: FastifyServerOptions['logger']
}

const REQUEST_ID = /^[A-Za-z0-9-]{8,64}$/
export type ApiRoute = { method: string; url: string; action: Action }
const apiRoutes = new WeakMap<object, ApiRoute[]>()

/** Every /api route of an app with the action it performs: the authorization matrix test walks these. */
export function listApiRoutes(app: App): ApiRoute[] {
  return apiRoutes.get(app) ?? []
}
export const API_DOCS_PREFIX = '/api/docs'

/** Builds the whole HTTP application: plugins, the actor hook, and every module's routes. Tests build it too. */
export async function buildApp(options: AppOptions): Promise<App> {
  registerSearchProfiles()
  setRuntime({ demo: options.demo, requireTotp: options.requireTotp, version: options.version, dbKind: options.dbKind })
  const cookie = { secure: options.cookieSecure ?? 'auto' }
  const app = Fastify({
    logger: options.logger ?? false,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 1024 * 1024,
    trustProxy: options.trustProxy ?? false,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id']
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : newId()
    },
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    // Errors raised before routing (a malformed URL, an over-long path parameter) get the one error shape too.
    frameworkErrors: (error, _req, reply) => {
      const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      const body = errorBody('MALFORMED_REQUEST', tooLong ? '请求路径过长' : '请求地址格式有误', { code: error.code })
      void (reply as unknown as FastifyReply).code(tooLong ? 414 : 400).send(body)
    },
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<ZodTypeProvider>()

  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  app.setErrorHandler(handleError)

  // Every /api route must name its permission-table action; a route without one is a programming error.
  const routes: ApiRoute[] = []
  apiRoutes.set(app, routes)
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith(API_DOCS_PREFIX)) return
    const action = route.config?.action
    if (!action) throw new Error(`route ${route.method} ${route.url} has no config.action`)
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url: route.url, action })
  })

  await app.register(fastifyCookie)
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Ant Design injects its styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: false,
  })
  await app.register(fastifyRateLimit, {
    max: options.rateLimitPerMinute ?? 600,
    timeWindow: '1 minute',
    errorResponseBuilder: (_req, context) =>
      new AppError('RATE_LIMITED', `请求过于频繁，请 ${Math.ceil(context.ttl / 1000)} 秒后再试`, {
        retryAfterSeconds: Math.ceil(context.ttl / 1000),
      }),
  })
  registerResponseCompression(app)
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 5 } })
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'FirstMile 首公里 API',
        description: '概念验证与科技成果转化服务平台接口',
        version: options.version,
      },
    },
    transform: jsonSchemaTransform,
  })
  await app.register(fastifySwaggerUi, { routePrefix: API_DOCS_PREFIX })

  app.addHook('onRequest', requestActorHook(cookie))
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id)
    if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store')
  })
  // One line per request, with its id and who made it; bodies, cookies and tokens are never logged.
  app.addHook('onResponse', async (req, reply) => {
    req.log.info(
      {
        method: req.method,
        url: req.routeOptions.url ?? req.url.split('?')[0],
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
        user: req.actor?.kind === 'user' ? req.actor.username : undefined,
      },
      'request',
    )
  })

  registerHealthRoutes(app)
  registerAuthRoutes(app, cookie, options.signInRateLimitPerMinute ?? 30)
  registerAccountRoutes(app)
  registerJurisdictionRoutes(app)
  registerOrganizationRoutes(app)
  registerCalendarRoutes(app)
  registerAuditRoutes(app)
  registerHomeRoutes(app)
  registerAchievementRoutes(app)
  registerClassificationRoutes(app)
  registerLeadRoutes(app)
  registerEventRoutes(app)
  registerCockpitRoutes(app)
  registerMatchingRoutes(app)
  registerProjectRoutes(app)
  registerEvaluationRoutes(app)
  registerPortalRoutes(app)
  registerDemandRoutes(app)
  registerScenarioRoutes(app)
  registerEnterpriseRoutes(app)
  registerExpertRoutes(app)
  registerCarrierRoutes(app)
  registerInstrumentRoutes(app)
  registerInvestorRoutes(app)
  registerIndustryRoutes(app)
  registerPolicyRoutes(app)
  registerVoucherRoutes(app)
  registerAccreditationRoutes(app)
  registerVerificationRoutes(app)
  registerHandoffRoutes(app)
  registerOutcomeRoutes(app)

  await registerWeb(app, options.webDir)
  return app
}

async function registerWeb(app: App, webDir: string | undefined) {
  const index = webDir ? path.join(webDir, 'index.html') : undefined
  const hasWeb = !!index && fs.existsSync(index)
  if (hasWeb)
    await app.register(fastifyStatic, {
      root: webDir!,
      wildcard: false,
      index: false,
      cacheControl: false,
      // The build writes .br and .gz beside each script and style sheet: 1.2 MB of JavaScript is 0.35 MB on a phone.
      preCompressed: true,
      setHeaders: (reply, filePath) => {
        // File names under assets/ carry a content hash, so a browser may keep them; anything else is revalidated.
        const hashed = path.relative(webDir!, filePath).split(path.sep)[0] === 'assets'
        reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache')
      },
    })
  app.setNotFoundHandler(async (req, reply) => {
    if (req.url.startsWith('/api/'))
      return reply
        .code(404)
        .send(errorBody('NOT_FOUND', '接口不存在', { method: req.method, url: req.url.split('?')[0] }))
    if (req.method !== 'GET' && req.method !== 'HEAD') return reply.code(404).send(errorBody('NOT_FOUND', '页面不存在'))
    // A page loaded before an update asks for a script the new build no longer has: a 404 lets it fail and reload,
    // where index.html in its place would be run as JavaScript.
    if (req.url.startsWith('/assets/')) return reply.code(404).send(errorBody('NOT_FOUND', '文件不存在'))
    if (!hasWeb)
      return reply
        .code(404)
        .type('text/plain; charset=utf-8')
        .send('前端尚未构建：请运行 npm run build（npm start 会自动构建）')
    // The web app routes on the client: every unknown page path gets index.html.
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(fs.createReadStream(index!))
  })
}
