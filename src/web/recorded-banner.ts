import type { Finding } from '../domain/findings.ts';
import type { WorldView } from '../engine/world-view.ts';
import { recordCircle } from '../access/need-to-know.ts';
import { describeEvent } from '../chronology/describe-event.ts';
import type { PersonLabels } from '../api/read/person-labels.ts';
import { findingTitle } from '../api/read/finding-view.ts';

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Where a saved form goes: the person's record, saying what was recorded and which findings it raised. */
export function recordedLink(personId: string, type: string, key: string, findings: readonly Pick<Finding, 'id'>[]): string {
  const query = new URLSearchParams({ recorded: type, record: key });
  if (findings.length > 0) query.set('raised', findings.map((f) => f.id).join(','));
  return `/people/${encodeURIComponent(personId)}?${query.toString()}`;
}

export interface RecordedBanner {
  /** The record as the chronology words it. */
  what?: string;
  findings: { id: string; title: string; severity: string; about: string }[];
}

/**
 * The success banner after a save: the record in the chronology's words and each new
 * finding by name with its link. Only what this page shows anyway (the person's record
 * circle) is described, whatever the address asks for.
 */
export function recordedBanner(
  view: WorldView,
  personId: string,
  key: string | undefined,
  raised: string | undefined,
  zone: string,
  labels: PersonLabels,
): RecordedBanner {
  const circle = new Set(recordCircle(view, personId));
  const event = key ? view.event(key) : undefined;
  const findings = (raised ?? '')
    .split(',')
    .slice(0, 20)
    .map((id) => view.findingById(id.trim()))
    .filter((f): f is Finding => f !== undefined && circle.has(f.subject))
    .map((f) => ({ id: f.id, title: findingTitle(f.code), severity: f.severity, about: labels.name(f.subject) }));
  return {
    what: event && event.persons.some((p) => circle.has(p)) ? capital(describeEvent(event, zone, labels)) : undefined,
    findings,
  };
}
