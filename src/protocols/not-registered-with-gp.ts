import { z } from 'zod';
import { DAY_MS, endOfLocalDay, formatDay } from '../domain/time.ts';
import type { PersonState } from '../engine/world-view.ts';
import { defineProtocol, type WakeRequest } from './protocol.ts';

/**
 * Registered in the current area: a recorded registration there (a registration with
 * no area recorded is taken to be where the child lived at the time), or a GP
 * consultation since arriving, which a practice only gives its patients.
 */
function registeredInCurrentArea(child: PersonState): boolean {
  if (!child.area) return child.gpRegistrations.length > 0 || child.events.some((e) => e.type === 'contact' && e.agency === 'gp');
  const arrived = child.areaSince ?? Number.NEGATIVE_INFINITY;
  return (
    child.gpRegistrations.some((r) => r.area === child.area) ||
    child.events.some((e) => e.type === 'contact' && e.agency === 'gp' && e.at >= arrived)
  );
}

function weeksOrDays(days: number): string {
  return days % 7 === 0 ? `${days / 7} weeks` : `${days} days`;
}

export const notRegisteredWithGp = defineProtocol({
  id: 'not-registered-with-gp',
  version: '1.2.0',
  title: 'Child not registered with a GP',
  source:
    'NHS England: register a newborn with a GP by the 6–8 week check; Healthy Child Programme; CSPR 002 (a baby unregistered with a GP after moving between areas)',
  codes: ['not-registered-with-gp'],
  triggers: ['birth', 'person.recorded', 'address.changed'],
  configSchema: z.strictObject({
    registerByDays: z.number().int().min(14).max(120).default(42),
    afterMoveDays: z.number().int().min(1).max(60).default(14),
    childUnderYears: z.number().int().min(1).max(18).default(18),
  }),
  evaluate({ event, wake, world, config, partnership, now }) {
    const zone = partnership.timezone;
    if (event?.type === 'birth' || (event?.type === 'person.recorded' && event.data.role === 'child')) {
      const child = world.person(event.subject);
      if (!child?.bornMs) return undefined;
      const byAge = endOfLocalDay(child.bornMs + config.registerByDays * DAY_MS, zone);
      // A child first known to the record when already past the age is treated as newly arrived.
      return byAge >= event.at
        ? { wakes: [{ at: byAge, subject: child.id, key: 'age', cause: event.key }] }
        : {
            wakes: [
              {
                at: endOfLocalDay(event.at + config.afterMoveDays * DAY_MS, zone),
                subject: child.id,
                key: `arrived:${event.key}`,
                cause: event.key,
              },
            ],
          };
    }
    if (event?.type === 'address.changed') {
      const wakes: WakeRequest[] = event.data.persons
        .map((id) => world.person(id))
        // Only a move into a different area (the projection notes when the area changed).
        .filter((p): p is PersonState => p?.role === 'child' && p.areaSince === event.at)
        // A newborn who moves still has until the registration age.
        .map((p) => ({
          at: endOfLocalDay(Math.max(event.at + config.afterMoveDays * DAY_MS, (p.bornMs ?? 0) + config.registerByDays * DAY_MS), zone),
          subject: p.id,
          key: `move:${event.key}`,
          cause: event.key,
        }));
      return { wakes };
    }
    if (!wake) return undefined;
    const child = world.person(wake.subject);
    if (!child || child.role !== 'child' || child.bornMs === undefined) return undefined;
    if (now - child.bornMs > config.childUnderYears * 365.25 * DAY_MS) return undefined;
    if (world.openFinding('not-registered-with-gp', child.id)) return undefined;
    const cause = wake.cause ? world.event(wake.cause) : undefined;
    if (wake.key.startsWith('move:') && cause && child.areaSince !== undefined && child.areaSince > cause.at) return undefined; // moved again: that move has its own deadline
    if (registeredInCurrentArea(child)) return undefined;
    const explanation =
      wake.key === 'age'
        ? `The child is ${weeksOrDays(config.registerByDays)} old (born ${formatDay(child.bornMs, zone)}) and no GP registration has been recorded.`
        : `The child ${wake.key.startsWith('move:') ? 'moved to' : 'became known in'} ${child.area ?? 'a new area'} on ${formatDay(cause?.at ?? child.areaSince ?? now, zone)} ` +
          `and has no GP registration there ${config.afterMoveDays} days later${child.gpRegistrations.length > 0 ? ` (registered earlier in ${child.gpRegistrations.map((r) => r.area ?? 'an unrecorded area').join(', ')})` : ''}.`;
    return {
      findings: [
        {
          code: 'not-registered-with-gp',
          subject: child.id,
          dedupeKey: wake.key,
          severity: 'medium',
          explanation,
          evidence: cause ? [cause.key] : [],
          action:
            'Health visiting: help the family register the child with a GP in their current area, and tell the GP the family history.',
          owner: 'health-visiting',
          deadline: now + 7 * DAY_MS,
        },
      ],
    };
  },
});
