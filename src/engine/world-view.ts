import type { ThreadEvent } from '../domain/events.ts';
import type { Finding } from '../domain/findings.ts';
import type { Agency, PersonRole, PlanKind, RelationshipKind, ServiceLevel, Sex } from '../domain/vocabulary.ts';

export interface PersonState {
  id: string;
  role: PersonRole;
  sex?: Sex;
  bornMs?: number;
  dueMs?: number;
  gestationWeeks?: number;
  gestationDays?: number;
  birthWeightKg?: number;
  name?: { given?: string; family?: string };
  nhsNumber?: string;
  postcode?: string;
  area?: string;
  /** When the person's current area was recorded (a move, or first recording). */
  areaSince?: number;
  gpRegistrations: { area?: string; at: number; key: string }[];
  openPlans: Map<PlanKind, ThreadEvent>;
  serviceLevel?: ServiceLevel;
  firstRecordedAt: number;
  /** Agencies that have recorded anything about the person. */
  agencies: Set<Agency>;
  /** Every event about the person, oldest first, superseded ones removed. */
  events: ThreadEvent[];
}

export interface Relationship {
  person: string;
  of: string;
  kind: RelationshipKind;
  at: number;
  key: string;
}

/** The read side of the engine's state, as protocols see it. */
export interface WorldView {
  person(id: string): PersonState | undefined;
  hasPerson(id: string): boolean;
  /** Relationships in which `childId` is the child (who is who to the child). */
  carersOf(childId: string): readonly Relationship[];
  /** Children and unborn babies to whom `adultId` is related. */
  childrenOf(adultId: string): readonly Relationship[];
  /** The child and everyone related to them, or to their carers' other children. */
  household(childId: string): string[];
  /** The person's records across agencies: this id and every id linked to it as the same person. */
  identityGroup(id: string): string[];
  /** Possible matches waiting for a practitioner to decide (identity.review not yet settled). */
  pendingReviews(): ThreadEvent<'identity.review'>[];
  /** Events about the person and their linked records (oldest first), optionally filtered by type. */
  eventsOf(personId: string, type?: ThreadEvent['type']): readonly ThreadEvent[];
  event(key: string): ThreadEvent | undefined;
  findingsAbout(subject: string): readonly Finding[];
  openFinding(code: string, subject: string): Finding | undefined;
  findingById(id: string): Finding | undefined;
}
