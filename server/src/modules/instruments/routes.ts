import { z } from 'zod'
import { EmptyBody } from '../../platform/http/empty-body'
import type { App } from '../../platform/http/types'
import { registerImportRoutes } from '../../platform/registry/import/routes'
import {
  CreateInstrument,
  Duplicate,
  DuplicateCheck,
  IdParams,
  Instrument,
  InstrumentPage,
  InstrumentQuery,
  SavedInstrument,
  UpdateInstrument,
} from './contracts'
import { exportInstruments } from './export'
import { instrumentImport } from './import-spec'
import { searchInstruments } from './search'
import * as instruments from './service'

const Revisions = z.object({
  items: z.array(
    z.object({
      version: z.number(),
      changedFields: z.array(z.string()),
      changedBy: z.string().nullable(),
      changedAt: z.string(),
      note: z.string().nullable(),
      data: z.unknown(),
    }),
  ),
})

export function registerInstrumentRoutes(app: App): void {
  const base = '/api/v1/instruments'
  app.get(
    base,
    {
      config: { action: 'instrument.read' },
      schema: { querystring: InstrumentQuery, response: { 200: InstrumentPage } },
    },
    (req) => searchInstruments(req.actor, req.query),
  )
  app.post(
    base,
    {
      config: { action: 'instrument.write' },
      schema: { body: CreateInstrument, response: { 201: SavedInstrument } },
    },
    async (req, reply) => reply.code(201).send(await instruments.createInstrument(req.actor, req.body)),
  )
  app.post(
    `${base}/duplicates`,
    {
      config: { action: 'instrument.write' },
      schema: { body: DuplicateCheck, response: { 200: z.object({ items: z.array(Duplicate) }) } },
    },
    async (req) => ({ items: await instruments.findDuplicates(req.actor, req.body) }),
  )
  app.get(
    `${base}/export`,
    {
      config: { action: 'registry.export' },
      schema: { querystring: InstrumentQuery.omit({ page: true, pageSize: true }) },
    },
    async (req, reply) => {
      const file = await exportInstruments(req.actor, req.query)
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename="instruments.xlsx"; filename*=UTF-8''${encodeURIComponent('仪器设备.xlsx')}`,
        )
        .send(file)
    },
  )
  registerImportRoutes(app, base, 'instrument.import', instrumentImport)
  app.get(
    `${base}/:id`,
    { config: { action: 'instrument.read' }, schema: { params: IdParams, response: { 200: Instrument } } },
    (req) => instruments.getInstrument(req.actor, req.params.id),
  )
  app.patch(
    `${base}/:id`,
    {
      config: { action: 'instrument.write' },
      schema: { params: IdParams, body: UpdateInstrument, response: { 200: Instrument } },
    },
    (req) => instruments.updateInstrument(req.actor, req.params.id, req.body),
  )
  app.post(
    `${base}/:id/archive`,
    {
      config: { action: 'instrument.write' },
      schema: { params: IdParams, body: EmptyBody, response: { 200: Instrument } },
    },
    (req) => instruments.setArchived(req.actor, req.params.id, true),
  )
  app.post(
    `${base}/:id/restore`,
    {
      config: { action: 'instrument.write' },
      schema: { params: IdParams, body: EmptyBody, response: { 200: Instrument } },
    },
    (req) => instruments.setArchived(req.actor, req.params.id, false),
  )
  app.get(
    `${base}/:id/history`,
    { config: { action: 'instrument.read' }, schema: { params: IdParams, response: { 200: Revisions } } },
    (req) => instruments.instrumentHistory(req.actor, req.params.id),
  )
}
