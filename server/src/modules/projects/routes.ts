import { z } from 'zod'
import { EmptyBody } from '../../platform/http/empty-body'
import type { App } from '../../platform/http/types'
import {
  ApplyProject,
  CenterList,
  CreateSolicitation,
  IdParams,
  Project,
  ProjectDetail,
  ProjectPage,
  ProjectQuery,
  Solicitation,
  Transition,
  UpdateProject,
} from './contracts'
import * as projects from './service'
import * as calls from './solicitations'
import './home'

export function registerProjectRoutes(app: App) {
  app.get(
    '/api/v1/projects',
    { config: { action: 'project.read' }, schema: { querystring: ProjectQuery, response: { 200: ProjectPage } } },
    (req) => projects.listProjects(req.actor, req.query),
  )
  app.post(
    '/api/v1/projects',
    { config: { action: 'project.apply' }, schema: { body: ApplyProject, response: { 201: Project } } },
    async (req, reply) => reply.code(201).send(await projects.applyProject(req.actor, req.body)),
  )
  app.get(
    '/api/v1/projects/centers',
    { config: { action: 'project.read' }, schema: { response: { 200: CenterList } } },
    (req) => projects.listCenters(req.actor),
  )
  app.get(
    '/api/v1/projects/:id',
    { config: { action: 'project.read' }, schema: { params: IdParams, response: { 200: ProjectDetail } } },
    (req) => projects.getProject(req.actor, req.params.id),
  )
  app.patch(
    '/api/v1/projects/:id',
    {
      config: { action: 'project.apply' },
      schema: { params: IdParams, body: UpdateProject, response: { 200: Project } },
    },
    (req) => projects.updateProject(req.actor, req.params.id, req.body),
  )
  app.post(
    '/api/v1/projects/:id/transition',
    { config: { action: 'project.read' }, schema: { params: IdParams, body: Transition, response: { 200: Project } } },
    (req) => projects.transitionProject(req.actor, req.params.id, req.body),
  )
  app.get(
    '/api/v1/solicitations',
    {
      config: { action: 'solicitation.read' },
      schema: {
        querystring: z.strictObject({
          city: z
            .string()
            .regex(/^\d{6}$/, '行政区划代码应为 6 位数字')
            .optional(),
        }),
        response: { 200: z.object({ items: z.array(Solicitation) }) },
      },
    },
    (req) => calls.listSolicitations(req.actor, req.query.city),
  )
  app.post(
    '/api/v1/solicitations',
    {
      config: { action: 'solicitation.manage' },
      schema: { body: CreateSolicitation, response: { 201: Solicitation } },
    },
    async (req, reply) => reply.code(201).send(await calls.createSolicitation(req.actor, req.body)),
  )
  app.get(
    '/api/v1/solicitations/:id',
    { config: { action: 'solicitation.read' }, schema: { params: IdParams, response: { 200: Solicitation } } },
    (req) => calls.getSolicitation(req.actor, req.params.id),
  )
  app.post(
    '/api/v1/solicitations/:id/close',
    {
      config: { action: 'solicitation.manage' },
      schema: { params: IdParams, body: EmptyBody, response: { 200: Solicitation } },
    },
    (req) => calls.closeSolicitation(req.actor, req.params.id),
  )
}
