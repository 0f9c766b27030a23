import { createHash } from 'node:crypto';
import { canonicalJson } from '../../domain/canonical-json.ts';
import { EVENT_TYPES } from '../../domain/event-schemas.ts';
import type { PartnershipConfig } from '../../config/partnership-config.ts';
import type { Protocol } from '../../protocols/protocol.ts';

/**
 * The snapshot format. Raise it whenever what the engine keeps changes shape or meaning
 * (the world's indexes, the wake queue, how an event is projected): a snapshot of
 * another format is never loaded, and start-up rebuilds from the log instead.
 */
export const SNAPSHOT_FORMAT = 5;

/**
 * What a snapshot must agree with to be loaded: the format, the event types (the world
 * indexes events by type number), each protocol in force with its version, and the whole
 * partnership configuration. A change to any of them means the saved findings and
 * deadlines might not be what the running rules would have made, so start-up rebuilds.
 */
export function snapshotCompatibility(protocols: readonly Protocol[], config: PartnershipConfig): string {
  const inForce = protocols.filter((p) => !config.disabled.includes(p.id)).map((p) => `${p.id}@${p.version}`);
  const text = canonicalJson({ format: SNAPSHOT_FORMAT, eventTypes: EVENT_TYPES, protocols: inForce, config });
  return createHash('sha256').update(text).digest('hex');
}
