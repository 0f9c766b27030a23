// One evaluation shard in a worker thread (see sharded-evaluation.ts): its own engine,
// with every protocol, for the families whose key maps to it.
import { parentPort, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { loadPartnershipConfig } from '../config/partnership-config.ts';
import type { ThreadEvent } from '../domain/events.ts';
import { PROTOCOLS } from '../protocols/registry.ts';
import { VirtualClock } from './clock.ts';
import { Engine, type FamilyHandover } from './engine.ts';

export type ShardRequest =
  | {
      kind: 'start';
      config: unknown;
      protocols: boolean;
      shard: number;
      /** One counter a shard: raised by a worker that has just sent that shard a handover. */
      signals: SharedArrayBuffer;
      /** Ports to each other shard, and from it, for handovers (none at this shard's own index). */
      outboxes: (MessagePort | undefined)[];
      inboxes: (MessagePort | undefined)[];
    }
  | { kind: 'events'; events: ThreadEvent[] }
  /** Hand the family of these people over to shard `to`. */
  | { kind: 'extract'; persons: string[]; to: number }
  /** Take over the family shard `from` hands over at this point of the log (wait for it if need be). */
  | { kind: 'adopt'; from: number }
  | { kind: 'finish'; until: number };

export type ShardReply =
  | { kind: 'started' }
  | {
      kind: 'finished';
      events: number;
      findings: number;
      findingIds: string[];
      busyMs: number;
      handoverWaitMs: number;
      pendingWakes: number;
    };

let engine: Engine | undefined;
let shard = 0;
let signals: Int32Array;
let outboxes: (MessagePort | undefined)[] = [];
let inboxes: (MessagePort | undefined)[] = [];
let events = 0;
let findings = 0;
let busyMs = 0;
let handoverWaitMs = 0;

function receiveHandover(from: number): FamilyHandover {
  const started = performance.now();
  for (;;) {
    // Read the counter before looking, so a handover posted in between wakes the wait at once.
    const seen = Atomics.load(signals, shard);
    const message = receiveMessageOnPort(inboxes[from]!);
    if (message !== undefined) {
      handoverWaitMs += performance.now() - started;
      return message.message as FamilyHandover;
    }
    Atomics.wait(signals, shard, seen);
  }
}

parentPort!.on('message', (request: ShardRequest) => {
  const started = performance.now();
  switch (request.kind) {
    case 'start': {
      const config = loadPartnershipConfig(request.config, PROTOCOLS);
      if (!request.protocols) config.disabled = PROTOCOLS.map((p) => p.id);
      engine = new Engine({ protocols: PROTOCOLS, config, clock: new VirtualClock() });
      shard = request.shard;
      signals = new Int32Array(request.signals);
      outboxes = request.outboxes;
      inboxes = request.inboxes;
      parentPort!.postMessage({ kind: 'started' } satisfies ShardReply);
      break;
    }
    case 'events': {
      for (const event of request.events) findings += engine!.record(event).length;
      events += request.events.length;
      break;
    }
    case 'extract':
      outboxes[request.to]!.postMessage(engine!.extractFamily(request.persons));
      Atomics.add(signals, request.to, 1);
      Atomics.notify(signals, request.to);
      break;
    case 'adopt': {
      const handover = receiveHandover(request.from);
      engine!.adoptFamily(handover);
      break;
    }
    case 'finish': {
      findings += engine!.runUntil(request.until).length;
      busyMs += performance.now() - started;
      const findingIds = [...engine!.world.allPersons()].flatMap((p) => engine!.world.findingsAbout(p.id).map((f) => f.id));
      parentPort!.postMessage({
        kind: 'finished',
        events,
        findings,
        findingIds,
        busyMs: busyMs - handoverWaitMs,
        handoverWaitMs,
        pendingWakes: engine!.pendingWakes,
      } satisfies ShardReply);
      return;
    }
  }
  busyMs += performance.now() - started;
});
