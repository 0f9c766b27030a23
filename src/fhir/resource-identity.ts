import { createHash } from 'node:crypto';
import type { Resource } from '@medplum/fhirtypes';
import { canonicalJson } from '../domain/canonical-json.ts';
import { THREADLINE_PERSON, THREADLINE_SYSTEM } from './fhir-codes.ts';

/** Which resource of which system, at which version: what provenance is kept as. */
export interface ResourceIdentity {
  system: string;
  resourceType: string;
  id: string;
  version: string;
}

const hash = (text: string, length: number) => createHash('sha256').update(text).digest('hex').slice(0, length);

/**
 * A resource's identity. The system is meta.source (else the Bundle's, else the
 * sender's); the id is the resource's (a transaction's new resource has only its
 * fullUrl); the version is meta.versionId, else a digest of the content, so an unchanged
 * resource sent again is the same version and a changed one is a new version.
 */
export function identityOf(resource: Resource, fullUrl: string | undefined, defaultSystem: string): ResourceIdentity {
  const { meta, ...content } = resource;
  const id = resource.id ?? fullUrl?.replace(/^urn:uuid:/, '') ?? hash(canonicalJson(content), 16);
  return {
    system: meta?.source ?? defaultSystem,
    resourceType: resource.resourceType,
    id,
    version: meta?.versionId ?? `sha256-${hash(canonicalJson(content), 16)}`,
  };
}

export const isThreadline = (identity: Pick<ResourceIdentity, 'system'>) => identity.system === THREADLINE_SYSTEM;

/** A short, readable namespace for a system's ids: its first host label (or last segment) and a digest. */
function systemPrefix(system: string): string {
  let label: string;
  try {
    const url = new URL(system);
    label = url.hostname ? (url.hostname.split('.').find((l) => l !== 'www' && l !== 'fhir' && l !== 'api') ?? url.hostname) : url.pathname;
  } catch {
    label = system;
  }
  label = label.split(/[:/]/).filter(Boolean).at(-1) ?? 'source';
  return `${label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 20)}-${hash(system, 4)}`;
}

/**
 * The Threadline person a Patient or RelatedPerson is: the Threadline id it carries
 * (what Threadline exported), the id itself for Threadline's own resources, else the
 * id in the sending system's namespace (two systems' "Patient/1" are not one person;
 * the identity linker proposes links between records of one person).
 */
export function personIdOf(resource: Resource, identity: ResourceIdentity): string {
  const carried = (resource as { identifier?: { system?: string; value?: string }[] }).identifier?.find(
    (i) => i.system === THREADLINE_PERSON,
  )?.value;
  if (carried) return carried;
  if (isThreadline(identity)) return identity.id;
  return `${systemPrefix(identity.system)}-${identity.id}`;
}

/** The id of the record one part of one version of a resource makes. */
export function recordKey(identity: ResourceIdentity, part: string): string {
  return `fhir-${hash(`${identity.system}\u0000${identity.resourceType}\u0000${identity.id}\u0000${identity.version}\u0000${part}`, 24)}`;
}
