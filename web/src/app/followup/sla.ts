import { SlaSummaryDto } from '../api/l2r-api';

/** What the countdown reads of a clock: its name, status and instants (a card's summary or a lead's full clock). */
export type SlaInstants = Partial<
  Pick<SlaSummaryDto, 'termId' | 'termName' | 'status' | 'warnAt' | 'dueAt' | 'warned' | 'breached'>
>;

/** ok: running, before its warning; warning: past the warning threshold; breach: past due; paused: on hold. */
export type SlaTone = 'ok' | 'warning' | 'breach' | 'paused';

export interface SlaView {
  tone: SlaTone;
  text: string;
  title: string;
}

/** "45m", "2h 05m", "3d 4h": minutes matter near the deadline, days far from it. */
export function span(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours}h ${String(minutes % 60).padStart(2, '0')}m`;
  return `${Math.floor(hours / 24)}d ${hours % 24}h`;
}

const at = (iso: string) => new Date(iso).toLocaleString();

/**
 * An open SLA clock as of `now`. The server's `warned`/`breached` flags are recorded by its periodic check, so the
 * colours also follow `warnAt`/`dueAt` directly: a card turns the moment the time passes, not at the next check.
 */
export function slaView(sla: SlaInstants, now: number): SlaView {
  const name = sla.termName || sla.termId || 'SLA';
  if (sla.status === 'Paused' || !sla.dueAt) {
    return {
      tone: sla.breached ? 'breach' : sla.warned ? 'warning' : 'paused',
      text: 'Paused',
      title: `${name}: paused; the clock stands still while the lead is in a pausing stage`,
    };
  }
  const due = new Date(sla.dueAt).getTime();
  const left = due - now;
  const breached = sla.breached || left <= 0;
  const warned = sla.warned || (!!sla.warnAt && new Date(sla.warnAt).getTime() <= now);
  return {
    tone: breached ? 'breach' : warned ? 'warning' : 'ok',
    text: breached ? `${span(left)} late` : `${span(left)} left`,
    title: `${name}: due ${at(sla.dueAt)}${sla.warnAt ? `, warning from ${at(sla.warnAt)}` : ''}`,
  };
}

/** Due time as a sortable number: paused clocks (no due time) after every running one, leads without a clock last. */
export function dueOrder(sla: SlaInstants | undefined): number {
  if (!sla) return Number.MAX_VALUE;
  return sla.dueAt ? new Date(sla.dueAt).getTime() : Number.MAX_SAFE_INTEGER;
}
