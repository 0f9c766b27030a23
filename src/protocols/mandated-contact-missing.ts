import { z } from 'zod';
import type { ContactKind } from '../domain/vocabulary.ts';
import { DAY_MS, addMonths, endOfLocalDay, formatDay } from '../domain/time.ts';
import type { PersonState, WorldView } from '../engine/world-view.ts';
import { defineProtocol, type WakeRequest } from './protocol.ts';
import { carersOf } from './support/family.ts';

const LABEL: Record<string, string> = {
  'antenatal-contact': 'antenatal health visiting contact',
  'new-birth-visit': 'new birth visit',
  'six-to-eight-week-review': '6–8 week review',
  'one-year-review': '1 year review',
  'two-year-review': '2–2½ year review',
};

const DUE_TEXT: Record<string, string> = {
  'new-birth-visit': 'day 14',
  'six-to-eight-week-review': '8 weeks of age',
  'one-year-review': '15 months of age',
  'two-year-review': '2½ years of age',
};

/** A contact of this kind with the child, or with a carer about the child. */
function contactHappened(world: WorldView, person: PersonState, kind: ContactKind, before: number): boolean {
  const about = [person, ...carersOf(world, person.id)];
  return about.some((p) => world.eventsOf(p.id, 'contact').some((e) => e.type === 'contact' && e.data.kind === kind && e.at <= before));
}

export const mandatedContactMissing = defineProtocol({
  id: 'mandated-contact-missing',
  version: '1.1.0',
  title: 'Healthy Child Programme mandated contact missing',
  source:
    'Healthy Child Programme 0–19 (OHID/DHSC 2021, updated 2023): antenatal contact from 28 weeks, new birth visit at 10–14 days, 6–8 week review, 1 year review, 2–2½ year review; CSPR 000 (no antenatal contact in 3 of 4 cases, new birth visits late)',
  codes: ['mandated-contact-missing'],
  triggers: ['pregnancy.booked', 'birth', 'person.recorded'],
  configSchema: z.strictObject({
    antenatalByGestationWeeks: z.number().min(28).max(40).default(32),
    /** A late booking still gets this many days for the antenatal contact. */
    antenatalAfterLateBookingDays: z.number().int().min(0).max(28).default(0),
    newBirthVisitByDays: z.number().int().min(10).max(30).default(14),
    sixToEightWeekReviewByDays: z.number().int().min(42).max(90).default(56),
    oneYearReviewByMonths: z.number().int().min(12).max(18).nullable().default(15),
    twoYearReviewByMonths: z.number().int().min(24).max(36).nullable().default(30),
  }),
  evaluate({ event, wake, world, config, partnership, now }) {
    const zone = partnership.timezone;
    if (event?.type === 'pregnancy.booked') {
      if (event.dueMs === undefined) return undefined;
      const byGestation = event.dueMs - (40 - config.antenatalByGestationWeeks) * 7 * DAY_MS;
      const at = endOfLocalDay(Math.max(byGestation, event.at + config.antenatalAfterLateBookingDays * DAY_MS), zone);
      return { wakes: [{ at, subject: event.data.unborn, key: 'antenatal-contact', cause: event.key }] };
    }
    if (event?.type === 'birth' || (event?.type === 'person.recorded' && event.data.role === 'child')) {
      const child = world.person(event.type === 'birth' ? event.data.child : event.data.person);
      if (!child?.bornMs) return undefined;
      const born = child.bornMs;
      const deadlines: [ContactKind, number | null][] = [
        ['new-birth-visit', born + config.newBirthVisitByDays * DAY_MS],
        ['six-to-eight-week-review', born + config.sixToEightWeekReviewByDays * DAY_MS],
        ['one-year-review', config.oneYearReviewByMonths === null ? null : addMonths(born, config.oneYearReviewByMonths, zone)],
        ['two-year-review', config.twoYearReviewByMonths === null ? null : addMonths(born, config.twoYearReviewByMonths, zone)],
      ];
      const wakes: WakeRequest[] = [];
      for (const [kind, deadline] of deadlines) {
        // Only deadlines still ahead when the child became known to the record can be judged.
        if (deadline === null || deadline < event.at) continue;
        wakes.push({ at: endOfLocalDay(deadline, zone), subject: child.id, key: kind, cause: event.key });
      }
      return { wakes };
    }
    if (!wake) return undefined;
    const person = world.person(wake.subject);
    if (!person) return undefined;
    const kind = wake.key as ContactKind;
    if (kind === 'antenatal-contact' && person.role === 'child' && person.bornMs !== undefined && person.bornMs <= wake.at)
      return undefined;
    if (contactHappened(world, person, kind, wake.at)) return undefined;
    const cause = wake.cause ? world.event(wake.cause) : undefined;
    const subjectText = kind === 'antenatal-contact' ? 'the unborn baby' : 'the child';
    const due =
      kind === 'antenatal-contact' ? `${config.antenatalByGestationWeeks} weeks' gestation or soon after booking` : DUE_TEXT[kind];
    return {
      findings: [
        {
          code: 'mandated-contact-missing',
          subject: person.id,
          dedupeKey: kind,
          severity: kind === 'new-birth-visit' || kind === 'antenatal-contact' ? 'medium' : 'low',
          explanation: `No ${LABEL[kind]} has been recorded for ${subjectText} by its deadline (${due}: ${formatDay(wake.at, zone)}).`,
          evidence: cause ? [cause.key] : [],
          action: `Health visiting: complete the ${LABEL[kind]} (a face-to-face visit seeing the baby and every carer) and record it, or record why not.`,
          owner: 'health-visiting',
          deadline: now + 3 * DAY_MS,
        },
      ],
    };
  },
});
