import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Services } from '../../server/services.ts';
import { recordEvent } from '../write/record-event.ts';
import { eventBody, problemBody } from '../schemas.ts';

export function eventRoutes(app: FastifyInstance, services: Services): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/events',
    {
      config: { access: 'record.write' },
      schema: {
        tags: ['records'],
        summary: 'Record one event of any type of the contract; 400 names each field at fault and nothing is stored',
        body: eventBody,
        response: {
          201: z.object({
            status: z.enum(['accepted', 'duplicate']),
            id: z.string(),
            findings: z.array(
              z.object({ id: z.string(), code: z.string(), subject: z.string(), severity: z.string(), explanation: z.string() }),
            ),
          }),
          400: problemBody,
        },
      },
    },
    async (request, reply) => {
      const result = await recordEvent(services, request.principal!, request.body, randomUUID(), request.auditNote);
      return reply.code(201).send({
        status: result.status,
        id: result.id,
        findings: result.findings.map((f) => ({
          id: f.id,
          code: f.code,
          subject: f.subject,
          severity: f.severity,
          explanation: f.explanation,
        })),
      });
    },
  );
}
