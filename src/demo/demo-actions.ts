import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Services } from '../server/services.ts';
import type { Finding } from '../domain/findings.ts';
import type { World } from '../engine/world.ts';
import { readScenario, type Scenario } from '../replay/scenario-file.ts';
import { FINDING_ACTION_KINDS, findingActionRefusal, owningOrganisation } from '../access/finding-ownership.ts';
import { principalOf } from '../access/user-directory.ts';
import { can } from '../access/roles.ts';
import type { Principal } from '../access/principal.ts';
import { DEMO_ACCOUNTS } from '../server/demo-users.ts';
import { shiftedDate, storyShiftDays } from './load-scenarios.ts';

const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'a local date and time, e.g. 2017-05-23T10:00');

/** One thing a review records practitioners did about something the engine raises, with the words it rests on. */
const demoAction = z.object({
  /** The finding, by its code, the scenario's id of the child, and one record it rests on. */
  finding: z.object({
    code: z.string().min(1),
    subject: z.string().min(1),
    evidence: z.string().min(1),
    /** The protocol's own key, where two findings of a code rest on the same record (the new birth visit, not the 6-8 week review). */
    key: z.string().min(1).optional(),
  }),
  kind: z.enum(FINDING_ACTION_KINDS),
  /** When it was done, in the scenario's own time (moved with the story, like every record). */
  at: localDateTime,
  note: z.string().min(1),
  /** Where in the review, and its words (whitespace and quotation marks aside). */
  cites: z.object({ where: z.string().min(1), quote: z.string().min(10) }),
});

export const demoActionsFile = z.object({
  scenario: z.string().min(1),
  /** The review's file name in the case-reviews folder. */
  review: z.string().min(1),
  actions: z.array(demoAction),
});

export type DemoAction = z.infer<typeof demoAction>;
export type DemoActionsFile = z.infer<typeof demoActionsFile>;

/** Every `*.actions.json` beside the scenarios, in file order. */
export async function readDemoActions(dir: string): Promise<DemoActionsFile[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.actions.json')).sort();
  const read: DemoActionsFile[] = [];
  for (const file of files) {
    const parsed = demoActionsFile.safeParse(JSON.parse(await readFile(join(dir, file), 'utf8')));
    if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    read.push(parsed.data);
  }
  return read;
}

/** The one finding an action is about (the demo prefixes every id with the scenario's), or why there is none. */
export function findingOfAction(world: World, scenarioId: string, action: DemoAction): Finding | string {
  const prefix = (id: string) => `${scenarioId}-${id}`;
  const { code, subject, evidence, key } = action.finding;
  const matches = world
    .findingsAbout(prefix(subject))
    .filter((f) => f.code === code && f.evidence.includes(prefix(evidence)) && (key === undefined || f.dedupeKey === key));
  if (matches.length === 1) return matches[0];
  return `${scenarioId}: ${matches.length} findings ${code} about ${subject} resting on ${evidence} (expected one)`;
}

export interface RecordedDemoAction {
  scenario: string;
  action: DemoAction;
  finding: Finding;
  by: string;
  at: number;
}

/**
 * Records, as the practitioners of each finding's owning organisation, what the reviews
 * say they did (scenarios/*.actions.json), through the same step the web app takes, on
 * the day they did it. A moment later today than now is recorded now (the story ends
 * today), never before the finding was raised. Run once, on the store the demo has just
 * loaded, after the demo accounts exist.
 */
export async function recordDemoActions(services: Services, dir: string, today: DateTime): Promise<RecordedDemoAction[]> {
  const world = services.store.engine.world;
  const scenarios = new Map<string, Scenario>();
  for (const file of (await readdir(dir)).filter((f) => f.endsWith('.scenario.json'))) {
    const scenario = await readScenario(join(dir, file));
    scenarios.set(scenario.scenario, scenario);
  }
  const principals: Principal[] = [];
  for (const account of DEMO_ACCOUNTS) {
    const user = await services.users.byUsername(account.username);
    if (user) principals.push(principalOf(user));
  }
  const planned: Omit<RecordedDemoAction, 'by'>[] = [];
  for (const file of await readDemoActions(dir)) {
    const scenario = scenarios.get(file.scenario);
    if (!scenario) throw new Error(`actions for ${file.scenario}: no such scenario in ${dir}`);
    const shift = storyShiftDays(scenario, today);
    for (const action of file.actions) {
      const finding = findingOfAction(world, file.scenario, action);
      if (typeof finding === 'string') throw new Error(finding);
      const story = DateTime.fromISO(shiftedDate(action.at, scenario.timezone, shift), { zone: scenario.timezone }).toMillis();
      planned.push({ scenario: file.scenario, action, finding, at: Math.max(finding.raisedAt, Math.min(story, services.now())) });
    }
  }
  planned.sort((a, b) => a.at - b.at);
  const recorded: RecordedDemoAction[] = [];
  for (const step of planned) {
    const { finding, action } = step;
    const owner = owningOrganisation(world, finding);
    // A practitioner of the owning organisation rather than a safeguarding lead, who may act on any finding.
    const actor = principals
      .filter((p) => p.organisation === owner?.code && can(p.role, 'record.write'))
      .sort((a, b) => Number(a.role === 'safeguarding-lead') - Number(b.role === 'safeguarding-lead'))
      .find((p) => !findingActionRefusal(world, p, finding, action.kind));
    if (!actor)
      throw new Error(`${step.scenario}: no demo account in ${owner?.name ?? finding.owner} to record ${finding.code} ${action.kind}`);
    await services.store.actOnFinding(
      finding.id,
      action.kind,
      { userId: actor.userId, role: actor.role, agency: actor.agency },
      action.note,
      step.at,
    );
    await services.audit.record({
      at: services.now(),
      actor: actor.username,
      actorRole: actor.role,
      actorAgency: actor.agency,
      actorOrganisation: actor.organisation,
      action: 'write',
      route: 'DEMO finding action from the case review',
      subject: finding.subject,
      outcome: 'allowed',
      status: 200,
      detail: `finding ${finding.id}: ${action.kind}`,
    });
    recorded.push({ ...step, by: actor.username });
  }
  return recorded;
}
