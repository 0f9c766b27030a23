// One evaluation shard in a worker thread (see sharded-evaluation.ts): its own engine,
// with every protocol, for the families whose key maps to it.
import { parentPort } from 'node:worker_threads';
import { loadPartnershipConfig } from '../config/partnership-config.ts';
import type { ThreadEvent } from '../domain/events.ts';
import { PROTOCOLS } from '../protocols/registry.ts';
import { VirtualClock } from './clock.ts';
import { Engine, type FamilyHandover } from './engine.ts';

export type ShardRequest =
  | { kind: 'start'; config: unknown; protocols: boolean }
  | { kind: 'events'; json: string }
  | { kind: 'extract'; persons: string[] }
  | { kind: 'adopt'; handover: FamilyHandover }
  | { kind: 'finish'; until: number };

export type ShardReply =
  | { kind: 'extracted'; handover: FamilyHandover }
  | { kind: 'finished'; events: number; findings: number; findingIds: string[]; busyMs: number; pendingWakes: number };

let engine: Engine | undefined;
let events = 0;
let findings = 0;
let busyMs = 0;

parentPort!.on('message', (request: ShardRequest) => {
  const started = performance.now();
  switch (request.kind) {
    case 'start': {
      const config = loadPartnershipConfig(request.config, PROTOCOLS);
      if (!request.protocols) config.disabled = PROTOCOLS.map((p) => p.id);
      engine = new Engine({ protocols: PROTOCOLS, config, clock: new VirtualClock() });
      break;
    }
    case 'events': {
      const batch = JSON.parse(request.json) as ThreadEvent[];
      for (const event of batch) findings += engine!.record(event).length;
      events += batch.length;
      break;
    }
    case 'extract':
      parentPort!.postMessage({ kind: 'extracted', handover: engine!.extractFamily(request.persons) } satisfies ShardReply);
      break;
    case 'adopt':
      engine!.adoptFamily(request.handover);
      break;
    case 'finish': {
      findings += engine!.runUntil(request.until).length;
      busyMs += performance.now() - started;
      const findingIds = [...engine!.world.allPersons()].flatMap((p) => engine!.world.findingsAbout(p.id).map((f) => f.id));
      parentPort!.postMessage({
        kind: 'finished',
        events,
        findings,
        findingIds,
        busyMs,
        pendingWakes: engine!.pendingWakes,
      } satisfies ShardReply);
      return;
    }
  }
  busyMs += performance.now() - started;
});
