import { z } from 'zod';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Bundle, BundleEntry, OperationOutcome } from '@medplum/fhirtypes';
import type { Services } from '../../server/services.ts';
import { requireRecordAccess } from '../person-access.ts';
import { personParams } from '../schemas.ts';
import { capabilityStatement } from '../../fhir/capability-statement.ts';
import { operationOutcome, type FhirProblem } from '../../fhir/fhir-problem.ts';
import { entryPath, importResources, TransactionRefused, type EntryResult } from '../../fhir/import-resources.ts';
import { recordsAsBundle } from '../../fhir/export-bundle.ts';
import { bundleEntries, sourceSystemOf } from '../../fhir/bundle-entries.ts';
import { cpIsBundle } from '../../fhir/cp-is-flag.ts';
import { NHS_NUMBER } from '../../fhir/fhir-codes.ts';
import { checkChildProtection } from '../../unscheduled-care/cp-is-check.ts';
import { ValidationError } from '../../domain/validation-error.ts';

const FHIR_JSON = 'application/fhir+json';
const STATUS_LINE: Record<EntryResult['status'], string> = {
  created: '201 Created',
  unchanged: '200 OK',
  invalid: '400 Bad Request',
  forbidden: '403 Forbidden',
};
/** A Bundle may be larger than the JSON API's bodies. */
const BUNDLE_LIMIT = 20 * 1_048_576;

function sendFhir(reply: FastifyReply, status: number, body: unknown) {
  return reply.code(status).type(FHIR_JSON).send(body);
}

function outcomeOfEntries(results: readonly EntryResult[]): OperationOutcome {
  const problems: FhirProblem[] = results.flatMap((r) =>
    r.problems.map((p) => ({ ...p, path: entryPath(r.index, p.path, r.resourceType) })),
  );
  return operationOutcome(problems);
}

function responseEntry(result: EntryResult): BundleEntry {
  return {
    response: {
      status: STATUS_LINE[result.status],
      ...(result.location ? { location: result.location } : {}),
      ...(result.problems.length > 0 ? { outcome: operationOutcome(result.problems) } : {}),
    },
  };
}

/** FHIR R4: Bundles in (batch, transaction), a child's record out ($everything), and what the endpoint can do. */
export function fhirRoutes(app: FastifyInstance, services: Services): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/fhir/R4/metadata',
    { config: { access: 'public', audit: false }, schema: { tags: ['fhir'], summary: 'The CapabilityStatement of the FHIR R4 endpoint' } },
    async (_request, reply) => sendFhir(reply, 200, capabilityStatement(new Date(services.now()).toISOString())),
  );

  api.post(
    '/fhir/R4',
    {
      bodyLimit: BUNDLE_LIMIT,
      config: { access: 'record.write' },
      schema: {
        tags: ['fhir'],
        summary:
          'A FHIR R4 Bundle of type batch (each good entry stored, each bad one reported) or transaction (all or nothing); bad resources are answered with an OperationOutcome naming the element and the reason',
        body: z.unknown(),
      },
    },
    async (request, reply) => {
      const read = bundleEntries(request.body);
      if ('problems' in read) return sendFhir(reply, 400, operationOutcome(read.problems));
      const { mode, entries } = read;
      const principal = request.principal!;
      const system = sourceSystemOf(request.body as Bundle, `urn:threadline:organisation:${principal.organisation}`);
      let results: EntryResult[];
      try {
        results = (await importResources(services, principal, entries, { mode, system })).entries;
      } catch (error) {
        if (!(error instanceof TransactionRefused)) throw error;
        request.auditNote.outcome = error.status === 403 ? 'refused' : 'invalid';
        request.auditNote.detail = `FHIR transaction of ${entries.length} entries refused: nothing stored`;
        return sendFhir(reply, error.status, outcomeOfEntries(error.entries));
      }
      const count = (status: EntryResult['status']) => results.filter((r) => r.status === status).length;
      request.auditNote.detail = `FHIR ${mode} of ${entries.length} entries: ${count('created')} stored, ${count('unchanged')} unchanged, ${count('invalid')} invalid, ${count('forbidden')} refused`;
      const firstRecord = results.find((r) => r.records.length > 0)?.records[0];
      const subject = firstRecord ? services.store.engine.world.event(firstRecord)?.subject : undefined;
      if (subject) request.auditNote.subject = subject;
      const bundle: Bundle = { resourceType: 'Bundle', type: `${mode}-response`, entry: results.map(responseEntry) };
      return sendFhir(reply, 200, bundle);
    },
  );

  api.get(
    '/fhir/R4/Patient/:id/$everything',
    {
      config: { access: 'record.read' },
      schema: {
        tags: ['fhir'],
        summary: "A child's record as a FHIR R4 searchset Bundle (Patient $everything), with need-to-know applied",
        params: personParams,
      },
    },
    async (request, reply) => {
      const view = await requireRecordAccess(services, request, request.params.id);
      const { bundle, notExported } = recordsAsBundle(view.eventsOf(request.params.id), view, services.zone, 'searchset');
      const left = Object.entries(notExported);
      if (left.length > 0)
        bundle.entry!.push({
          resource: operationOutcome(
            left.map(([type, n]) => ({
              path: '',
              reason: `${n} ${type} record${n === 1 ? '' : 's'} ha${n === 1 ? 's' : 've'} no FHIR resource in Threadline's mapping and ${n === 1 ? 'is' : 'are'} not included`,
            })),
            'information',
          ),
          search: { mode: 'outcome' },
        });
      request.auditNote.detail = `FHIR export: ${bundle.entry!.length} resources`;
      return sendFhir(reply, 200, bundle);
    },
  );

  api.get(
    '/fhir/R4/Flag',
    {
      config: { access: 'cp-is.check', audit: 'search', lookup: true },
      schema: {
        tags: ['fhir'],
        summary:
          'CP-IS as FHIR: Flag?patient.identifier=https://fhir.nhs.uk/Id/nhs-number|NNN answers a searchset Bundle with an active Flag per child protection plan or looked-after status (the owning local authority contained, with its contact), or none; recorded, audited and rate limited like POST /api/cp-is/checks',
        querystring: z.object({ 'patient.identifier': z.string().max(200) }),
      },
    },
    async (request, reply) => {
      const [system, value] = request.query['patient.identifier'].split('|');
      if (value === undefined || system !== NHS_NUMBER)
        return sendFhir(
          reply,
          400,
          operationOutcome([
            { path: 'patient.identifier', reason: `must be ${NHS_NUMBER}|the NHS number (the only identifier CP-IS is asked by)` },
          ]),
        );
      try {
        return sendFhir(reply, 200, cpIsBundle(await checkChildProtection(services, request.principal!, value, request.auditNote)));
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        request.auditNote.outcome = 'invalid';
        return sendFhir(reply, 400, operationOutcome(error.problems.map((p) => ({ path: 'patient.identifier', reason: p.reason }))));
      }
    },
  );
}
