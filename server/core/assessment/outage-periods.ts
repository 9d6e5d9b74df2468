import type { Outage } from '../claim/claim-schema';
import type { Instant } from '../time/rome-time';
import { parseRomeDateTime } from '../time/rome-time';
import type { KnownIncidentId, Ruleset, Severity } from '../rules/ruleset-types';

export interface Interval {
  start: Instant;
  end: Instant;
}

/** One outage as the claimant states it, with a known incident's default window filled in. */
export interface ResolvedOutage extends Interval {
  incident: KnownIncidentId | 'custom';
  severity: Severity;
}

/** A stretch of time that counts once: overlapping outages merged, partial time under total time removed. */
export interface Period extends Interval {
  severity: Severity;
  days: number;
  /** Known incidents whose window this period overlaps. */
  incidents: KnownIncidentId[];
}

const HOUR_MS = 60 * 60 * 1000;

const windowsByRuleset = new WeakMap<Ruleset, Map<KnownIncidentId, Interval>>();

/** The default window of a known incident as instants (parsed once per ruleset). */
export function incidentWindow(ruleset: Ruleset, id: KnownIncidentId): Interval {
  let windows = windowsByRuleset.get(ruleset);
  if (!windows) {
    windows = new Map(
      ruleset.incidents.map((incident) => [
        incident.id,
        { start: instantOf(incident.start), end: instantOf(incident.end) },
      ]),
    );
    windowsByRuleset.set(ruleset, windows);
  }
  const window = windows.get(id);
  if (!window) throw new Error(`incident ${id} is not in ruleset ${ruleset.version}`);
  return { ...window };
}

function instantOf(local: string): Instant {
  const parsed = parseRomeDateTime(local);
  if (!parsed.ok) throw new Error(`invalid date-time in the ruleset: ${local}`);
  return parsed.instant;
}

export function resolveOutages(outages: readonly Outage[], ruleset: Ruleset): ResolvedOutage[] {
  return outages.map((outage) => {
    if (outage.incident === 'custom') {
      return { incident: 'custom', start: outage.start!, end: outage.end!, severity: outage.severity ?? 'total' };
    }
    const incident = ruleset.incidents.find((candidate) => candidate.id === outage.incident)!;
    const window =
      outage.start !== undefined && outage.end !== undefined
        ? { start: outage.start, end: outage.end }
        : incidentWindow(ruleset, incident.id);
    return { incident: incident.id, ...window, severity: outage.severity ?? incident.severity };
  });
}

export function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Union of intervals: sorted, with overlapping or touching ones joined. */
export function unionOf(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged[merged.length - 1];
    if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
    else merged.push({ start: interval.start, end: interval.end });
  }
  return merged;
}

/** The parts of `from` not covered by any of `remove` (which must be a union: sorted, disjoint). */
export function subtract(from: Interval, remove: readonly Interval[]): Interval[] {
  const pieces: Interval[] = [];
  let cursor = from.start;
  for (const cut of remove) {
    if (cut.end <= cursor || cut.start >= from.end) continue;
    if (cut.start > cursor) pieces.push({ start: cursor, end: cut.start });
    cursor = Math.max(cursor, cut.end);
  }
  if (cursor < from.end) pieces.push({ start: cursor, end: from.end });
  return pieces;
}

/** Real elapsed time (instants, so daylight saving is already accounted for) in whole days, rounded up. */
export function daysOf(interval: Interval, dayLengthHours: number): number {
  return Math.ceil((interval.end - interval.start) / (dayLengthHours * HOUR_MS));
}

/**
 * Turns the claimant's outages into the periods that are paid for: time under a total interruption counts as
 * total even where a partial one was also declared, and no hour is counted twice.
 */
export function mergePeriods(outages: readonly ResolvedOutage[], ruleset: Ruleset): Period[] {
  const total = unionOf(outages.filter((outage) => outage.severity === 'total'));
  const partial = unionOf(outages.filter((outage) => outage.severity === 'partial')).flatMap((interval) =>
    subtract(interval, total),
  );
  const windows = ruleset.incidents.map((incident) => ({
    id: incident.id,
    window: incidentWindow(ruleset, incident.id),
  }));
  const toPeriod =
    (severity: Severity) =>
    (interval: Interval): Period => ({
      ...interval,
      severity,
      days: daysOf(interval, ruleset.dayLengthHours.value),
      incidents: windows.filter(({ window }) => overlaps(window, interval)).map(({ id }) => id),
    });
  return [...total.map(toPeriod('total')), ...partial.map(toPeriod('partial'))].sort((a, b) => a.start - b.start);
}
