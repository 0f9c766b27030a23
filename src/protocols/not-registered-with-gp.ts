import { z } from 'zod';
import { DAY_MS, endOfLocalDay, formatDay } from '../domain/time.ts';
import type { PersonState } from '../engine/world-view.ts';
import { defineProtocol, type WakeRequest } from './protocol.ts';

/**
 * Registered in the current area: a recorded registration there (or after the move), or
 * a consultation by a GP after the move, which a practice only gives its patients.
 */
function registeredInCurrentArea(child: PersonState, since: number): boolean {
  const registered = child.gpRegistrations.some((r) => r.at >= since || !child.area || !r.area || r.area === child.area);
  const movedAt = Number.isFinite(since) ? since : Number.NEGATIVE_INFINITY;
  return registered || child.events.some((e) => e.type === 'contact' && e.agency === 'gp' && e.at >= movedAt);
}

export const notRegisteredWithGp = defineProtocol({
  id: 'not-registered-with-gp',
  version: '1.0.0',
  title: 'Child not registered with a GP',
  source: 'NHS England: register a newborn with a GP by the 6–8 week check; Healthy Child Programme; CSPR 002 (a baby unregistered with a GP after moving between areas)',
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
      const at = endOfLocalDay(child.bornMs + config.registerByDays * DAY_MS, zone);
      return at < event.at ? undefined : { wakes: [{ at, subject: child.id, key: 'age', cause: event.key }] };
    }
    if (event?.type === 'address.changed') {
      const wakes: WakeRequest[] = event.data.persons
        .filter((id) => world.person(id)?.role === 'child')
        .map((id) => ({ at: endOfLocalDay(event.at + config.afterMoveDays * DAY_MS, zone), subject: id, key: `move:${event.key}`, cause: event.key }));
      return { wakes };
    }
    if (!wake) return undefined;
    const child = world.person(wake.subject);
    if (!child || child.role !== 'child' || child.bornMs === undefined) return undefined;
    if (now - child.bornMs > config.childUnderYears * 365.25 * DAY_MS) return undefined;
    const move = wake.key.startsWith('move:') ? world.event(wake.cause ?? '') : undefined;
    if (move && child.areaSince !== undefined && child.areaSince > move.at) return undefined; // moved again; that move has its own wake
    if (registeredInCurrentArea(child, move?.at ?? Number.POSITIVE_INFINITY)) return undefined;
    const explanation = move
      ? `The child moved to ${child.area ?? 'a new area'} on ${formatDay(move.at, zone)} and has no GP registration there ${config.afterMoveDays} days later.`
      : `The child is ${config.registerByDays / 7} weeks old (born ${formatDay(child.bornMs, zone)}) and no GP registration has been recorded.`;
    return {
      findings: [{
        code: 'not-registered-with-gp',
        subject: child.id,
        dedupeKey: wake.key,
        severity: 'medium',
        explanation,
        evidence: wake.cause ? [wake.cause] : [],
        action: 'Health visiting: help the family register the child with a GP in their current area, and tell the GP the family history.',
        owner: 'health-visiting',
        deadline: now + 7 * DAY_MS,
      }],
    };
  },
});
