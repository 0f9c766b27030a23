import type { Finding } from '../domain/findings.ts';
import { formatLocal } from '../domain/time.ts';
import type { ReplayResult } from './replay-scenario.ts';
import { isScored, type Score } from './score.ts';

export function findingJson(finding: Finding, result: ReplayResult) {
  const zone = result.scenario.timezone;
  return {
    code: finding.code,
    subject: finding.subject,
    raisedAt: formatLocal(finding.raisedAt, zone),
    protocol: `${finding.protocol}@${finding.protocolVersion}`,
    severity: finding.severity,
    explanation: finding.explanation,
    action: finding.action,
    owner: finding.owner,
    deadline: finding.deadline === undefined ? undefined : formatLocal(finding.deadline, zone),
    evidence: finding.evidence,
    ownerName: finding.ownerName,
    escalations: finding.escalations?.map((e) => ({ level: e.level, at: formatLocal(e.at, zone), to: e.to })),
    scored: isScored(finding, result),
  };
}

export function scenarioJson(result: ReplayResult, score: Score) {
  return {
    scenario: result.scenario.scenario,
    title: result.scenario.title,
    findings: result.findings.map((f) => findingJson(f, result)),
    expected: result.scenario.expect
      ? {
          met: score.met,
          total: score.total,
          outcomes: score.outcomes.map((o) => ({
            code: o.expectation.code,
            subject: o.expectation.subject,
            status: o.status,
            raisedAt: o.finding ? formatLocal(o.finding.raisedAt, result.scenario.timezone) : undefined,
          })),
        }
      : undefined,
    unexpected: score.unexpected.map((f) => ({
      code: f.code,
      subject: f.subject,
      raisedAt: formatLocal(f.raisedAt, result.scenario.timezone),
    })),
    protocolFailures: result.failures,
  };
}

export function scenarioText(result: ReplayResult, score: Score): string {
  const zone = result.scenario.timezone;
  const short = (ms: number) => formatLocal(ms, zone).slice(0, 16).replace('T', ' ');
  const lines = [`${result.scenario.scenario}${result.scenario.title ? `: ${result.scenario.title}` : ''}`];
  lines.push(`  ${result.events.length} events replayed, ${result.findings.length} findings raised`);
  for (const f of result.findings) {
    const marker = isScored(f, result) ? '' : ' (after the incident; not scored)';
    lines.push(`  ${short(f.raisedAt)}  ${f.code}  [${f.subject}, ${f.severity}]${marker}`);
    lines.push(`      ${f.explanation}`);
    lines.push(`      Action: ${f.action} Owner: ${f.owner}.`);
  }
  if (result.scenario.expect) {
    lines.push(`  expected findings raised: ${score.met} of ${score.total}`);
    for (const o of score.outcomes) {
      if (o.status === 'met') continue;
      const when = o.finding ? ` (raised ${short(o.finding.raisedAt)})` : '';
      lines.push(
        `  ${o.status.toUpperCase()}: ${o.expectation.code} for ${o.expectation.subject} between ${o.expectation.from} and ${o.expectation.by}${when}: ${o.expectation.why}`,
      );
    }
  }
  for (const f of score.unexpected) lines.push(`  UNEXPECTED: ${f.code} for ${f.subject} at ${short(f.raisedAt)}`);
  for (const failure of result.failures) lines.push(`  PROTOCOL FAILURE: ${failure.protocol}: ${failure.message}`);
  return lines.join('\n');
}
