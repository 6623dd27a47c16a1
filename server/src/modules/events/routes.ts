import { z } from 'zod'
import { EmptyBody } from '../../platform/http/empty-body'
import type { App } from '../../platform/http/types'
import { CancelEvent, CreateEvent, Event, EventQuery, SignUp, Signup, UpdateEvent } from './contracts'
import {
  cancelEvent,
  cancelSignup,
  createEvent,
  getEvent,
  listEvents,
  listSignups,
  signUp,
  updateEvent,
} from './service'

const IdParams = z.strictObject({ id: z.uuid('活动编号格式不正确') })

/** 路演 / 对接会: public listing and pages; publishing, editing, cancelling, sign-ups and the organizer's list. */
export function registerEventRoutes(app: App) {
  app.get(
    '/api/v1/events',
    {
      config: { action: 'event.read' },
      schema: { querystring: EventQuery, response: { 200: z.object({ items: z.array(Event) }) } },
    },
    (req) => listEvents(req.actor, req.query),
  )
  app.post(
    '/api/v1/events',
    { config: { action: 'event.manage' }, schema: { body: CreateEvent, response: { 201: Event } } },
    async (req, reply) => reply.code(201).send(await createEvent(req.actor, req.body)),
  )
  app.get(
    '/api/v1/events/:id',
    { config: { action: 'event.read' }, schema: { params: IdParams, response: { 200: Event } } },
    (req) => getEvent(req.actor, req.params.id),
  )
  app.patch(
    '/api/v1/events/:id',
    { config: { action: 'event.manage' }, schema: { params: IdParams, body: UpdateEvent, response: { 200: Event } } },
    (req) => updateEvent(req.actor, req.params.id, req.body),
  )
  app.post(
    '/api/v1/events/:id/cancel',
    { config: { action: 'event.manage' }, schema: { params: IdParams, body: CancelEvent, response: { 200: Event } } },
    (req) => cancelEvent(req.actor, req.params.id, req.body.reason),
  )
  app.post(
    '/api/v1/events/:id/signups',
    { config: { action: 'event.signup' }, schema: { params: IdParams, body: SignUp, response: { 201: Event } } },
    async (req, reply) => reply.code(201).send(await signUp(req.actor, req.params.id, req.body)),
  )
  app.post(
    '/api/v1/events/:id/signups/cancel',
    { config: { action: 'event.signup' }, schema: { params: IdParams, body: EmptyBody, response: { 200: Event } } },
    (req) => cancelSignup(req.actor, req.params.id),
  )
  app.get(
    '/api/v1/events/:id/signups',
    {
      config: { action: 'event.manage' },
      schema: { params: IdParams, response: { 200: z.object({ items: z.array(Signup) }) } },
    },
    (req) => listSignups(req.actor, req.params.id),
  )
}
