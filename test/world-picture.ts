import type { Engine } from '../src/engine/engine.ts';

/**
 * Everything two engines must agree on, read through the world's own queries (so that
 * families held in memory and families held serialised compare alike): every person's
 * state and records, who is related and linked to whom, which organisations are involved,
 * every finding in full, every record, the reviews waiting, and every pending deadline.
 */
export function enginePicture(engine: Engine) {
  const world = engine.world;
  const people = [...world.allPersons()].map((p) => p.id).sort();
  return {
    people: people.map((id) => {
      const person = world.person(id)!;
      const { events, openPlans, agencies, ...facts } = person as typeof person & { byType?: unknown; organisations?: unknown };
      delete (facts as { byType?: unknown }).byType;
      delete (facts as { organisations?: unknown }).organisations;
      return {
        facts,
        events: events.map((e) => e.key),
        openPlans: [...openPlans].map(([kind, event]) => [kind, event.key]),
        agencies: [...agencies].sort(),
        carers: world.carersOf(id),
        children: world.childrenOf(id),
        sameAs: world.identityGroup(id).sort(),
        involved: [...world.involvementWith(id)].sort(([a], [b]) => a.localeCompare(b)),
        findings: world.findingsAbout(id).map((f) => JSON.stringify(f)),
      };
    }),
    records: [...world.allEvents()].map((e) => JSON.stringify(e)).sort(),
    reviews: world
      .pendingReviews()
      .map((e) => e.key)
      .sort(),
    wakes: engine.pendingWakeList().map((w) => JSON.stringify(w)),
  };
}
