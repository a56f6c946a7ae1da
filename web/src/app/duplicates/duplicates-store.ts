import { Injectable, computed, inject, signal } from '@angular/core';
import { firstValueFrom, forkJoin } from 'rxjs';
import { DuplicateGroupDto, LeadDto, LeadsClient, MergeSide } from '../api/l2r-api';
import { Problem, toProblem } from '../core/problem';
import { PROFILE_FIELDS } from '../leads/lead-fields';

const CUSTOM = 'custom.';

/** Two leads side by side: the one that stays and the one it absorbs. */
export interface MergePair {
  survivor: LeadDto;
  absorbed: LeadDto;
}

/** A field the two leads hold differently, and which side's value survives. */
export interface FieldChoice {
  field: string;
  survivorValue: string;
  absorbedValue: string;
  side: MergeSide;
}

export interface MergeDone {
  survivor: LeadDto;
  absorbedId: string;
  absorbedName: string;
}

/** A profile field (or `custom.<name>`) of a lead, as text; empty when unset. */
export function valueOf(lead: LeadDto, field: string): string {
  const raw = field.startsWith(CUSTOM)
    ? lead.customFields?.[field.slice(CUSTOM.length)]
    : (lead as unknown as Record<string, unknown>)[field];
  return raw === undefined || raw === null ? '' : String(raw);
}

/** Probable duplicates (same email; same name at the same company) and merging two of them. */
@Injectable()
export class DuplicatesStore {
  private readonly client = inject(LeadsClient);

  readonly groups = signal<DuplicateGroupDto[]>([]);
  readonly loading = signal(false);
  readonly error = signal<Problem | null>(null);
  readonly pair = signal<MergePair | null>(null);
  readonly choices = signal<FieldChoice[]>([]);
  readonly busy = signal(false);
  readonly merged = signal<MergeDone | null>(null);

  readonly chosen = computed(
    () =>
      Object.fromEntries(this.choices().map((c) => [c.field, c.side])) as Record<string, MergeSide>,
  );

  async load(): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      this.groups.set(await firstValueFrom(this.client.listDuplicateLeads(50)));
    } catch (e) {
      this.error.set(toProblem(e));
    } finally {
      this.loading.set(false);
    }
  }

  /** Loads both leads in full, to compare every field. */
  async compare(survivorId: string, absorbedId: string): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    this.merged.set(null);
    try {
      const pair = await firstValueFrom(
        forkJoin({
          survivor: this.client.getLead(survivorId),
          absorbed: this.client.getLead(absorbedId),
        }),
      );
      this.setPair(pair);
    } catch (e) {
      this.error.set(toProblem(e));
    } finally {
      this.busy.set(false);
    }
  }

  /** The other lead survives instead. */
  swap(): void {
    const pair = this.pair();
    if (pair) this.setPair({ survivor: pair.absorbed, absorbed: pair.survivor });
  }

  choose(field: string, side: MergeSide): void {
    this.choices.update((list) => list.map((c) => (c.field === field ? { ...c, side } : c)));
  }

  close(): void {
    this.pair.set(null);
    this.choices.set([]);
  }

  /** Merges with the chosen values, guarded by the survivor's version as shown. */
  async merge(note: string): Promise<boolean> {
    const pair = this.pair();
    if (!pair) return false;
    this.busy.set(true);
    this.error.set(null);
    try {
      const result = await firstValueFrom(
        this.client.mergeLeads(
          pair.survivor.id,
          {
            absorbedLeadId: pair.absorbed.id,
            fields: this.chosen(),
            note: note.trim() || undefined,
          },
          `"${pair.survivor.version}"`,
        ),
      );
      this.merged.set({
        survivor: result.lead,
        absorbedId: pair.absorbed.id,
        absorbedName: pair.absorbed.name,
      });
      this.close();
      await this.load();
      return true;
    } catch (e) {
      this.error.set(toProblem(e));
      return false;
    } finally {
      this.busy.set(false);
    }
  }

  /**
   * The fields the two hold differently. By default the survivor keeps its value and takes the absorbed lead's only
   * where it has none — what the API does with a field left out — so the user changes only what they disagree with.
   */
  private setPair(pair: MergePair): void {
    this.pair.set(pair);
    const custom = new Set([
      ...Object.keys(pair.survivor.customFields ?? {}),
      ...Object.keys(pair.absorbed.customFields ?? {}),
    ]);
    const fields = [...PROFILE_FIELDS, ...[...custom].sort().map((k) => CUSTOM + k)];
    this.choices.set(
      fields
        .map((field) => ({
          field,
          survivorValue: valueOf(pair.survivor, field),
          absorbedValue: valueOf(pair.absorbed, field),
        }))
        .filter((c) => c.survivorValue !== c.absorbedValue)
        .map((c) => ({ ...c, side: c.survivorValue ? 'Survivor' : 'Absorbed' }) as FieldChoice),
    );
  }
}
