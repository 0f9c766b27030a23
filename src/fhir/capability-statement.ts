import type { CapabilityStatement, CapabilityStatementRestResource } from '@medplum/fhirtypes';
import { MAPPINGS } from './resource-mappings.ts';

/** What Threadline's FHIR endpoint does: batch and transaction Bundles in, a child's record out. */
export function capabilityStatement(date: string): CapabilityStatement {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date,
    publisher: 'Threadline',
    kind: 'instance',
    software: { name: 'Threadline' },
    implementation: {
      description: 'Threadline multi-agency safeguarding record: FHIR R4 in (batch, transaction) and out (Patient $everything)',
    },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json', 'json'],
    rest: [
      {
        mode: 'server',
        documentation:
          'POST a Bundle of type batch or transaction to the base. Each resource maps to records of the shared chronology; the same resource version is stored once and a new version supersedes. Sign in first (session cookie and CSRF token, as the JSON API).',
        security: {
          description:
            'Session cookie from POST /api/session, with the x-csrf-token header on writes; need-to-know by organisation applies.',
        },
        interaction: [{ code: 'batch' }, { code: 'transaction' }],
        resource: Object.keys(MAPPINGS).map((type): CapabilityStatementRestResource => ({
          type: type as CapabilityStatementRestResource['type'],

          ...(type === 'Patient'
            ? { operation: [{ name: 'everything', definition: 'http://hl7.org/fhir/OperationDefinition/Patient-everything' }] }
            : {}),
          // CP-IS: unscheduled care asks by NHS number whether a child is on a plan or looked after.
          ...(type === 'Flag'
            ? {
                interaction: [{ code: 'search-type' as const }],
                searchParam: [
                  {
                    name: 'patient.identifier',
                    type: 'token' as const,
                    documentation: 'https://fhir.nhs.uk/Id/nhs-number|NNN: the CP-IS check (unscheduled care settings only)',
                  },
                ],
              }
            : {}),
        })),
      },
    ],
  };
}
