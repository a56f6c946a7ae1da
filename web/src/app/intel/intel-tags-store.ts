import { Injectable, computed, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { IntelClient, IntelKind, IntelTagDto } from '../api/l2r-api';
import { Problem, toProblem } from '../core/problem';

export const INTEL_KINDS: readonly IntelKind[] = ['Competitor', 'Pain', 'Objection', 'Question'];

export const KIND_LABELS: Record<IntelKind, string> = {
  Competitor: 'Competitors',
  Pain: 'Pains',
  Objection: 'Objections',
  Question: 'Questions',
};

/**
 * The tenant's tag lists, shared by every picker on the page: loaded once, extended on the fly (a label already on
 * the list comes back as that tag), and curated by Admins. Retired tags are kept for curation but never offered.
 */
@Injectable({ providedIn: 'root' })
export class IntelTagsStore {
  private readonly client = inject(IntelClient);

  readonly tags = signal<IntelTagDto[]>([]);
  readonly loaded = signal(false);
  readonly problem = signal<Problem | null>(null);

  readonly offered = computed(() => {
    const byKind = new Map<IntelKind, IntelTagDto[]>(INTEL_KINDS.map((k) => [k, []]));
    for (const t of this.tags()) if (!t.retired) byKind.get(t.kind)?.push(t);
    return byKind;
  });

  private loading: Promise<void> | null = null;

  /** Loads the lists (with retired tags, which only the curation shows) unless they are loaded already. */
  ensureLoaded(): Promise<void> {
    if (this.loaded()) return Promise.resolve();
    return (this.loading ??= this.reload().finally(() => (this.loading = null)));
  }

  async reload(): Promise<void> {
    try {
      this.tags.set(await firstValueFrom(this.client.listIntelTags(undefined, true)));
      this.loaded.set(true);
      this.problem.set(null);
    } catch (e) {
      this.problem.set(toProblem(e));
    }
  }

  byId(id: string): IntelTagDto | undefined {
    return this.tags().find((t) => t.id === id);
  }

  /** Adds a label to the kind's list; resolves to the tag (an existing one when the label was on the list already), or null. */
  async add(kind: IntelKind, label: string): Promise<IntelTagDto | null> {
    try {
      const tag = await firstValueFrom(this.client.addIntelTag({ kind, label }));
      this.upsert(tag);
      this.problem.set(null);
      return tag;
    } catch (e) {
      this.problem.set(toProblem(e));
      return null;
    }
  }

  async update(tag: IntelTagDto, label: string, retired: boolean): Promise<boolean> {
    try {
      this.upsert(await firstValueFrom(this.client.updateIntelTag(tag.id, { label, retired })));
      this.problem.set(null);
      return true;
    } catch (e) {
      this.problem.set(toProblem(e));
      return false;
    }
  }

  /** Merges `tag` into `into`; the lists are read again, since the merge moved mentions and retired a tag. */
  async merge(tag: IntelTagDto, into: IntelTagDto): Promise<boolean> {
    try {
      await firstValueFrom(this.client.mergeIntelTag(tag.id, into.id));
      await this.reload();
      return true;
    } catch (e) {
      this.problem.set(toProblem(e));
      return false;
    }
  }

  private upsert(tag: IntelTagDto): void {
    this.tags.update((all) =>
      all.some((t) => t.id === tag.id)
        ? all.map((t) => (t.id === tag.id ? tag : t))
        : [...all, tag],
    );
  }
}
