import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { PainSegment, SegmentPainsDto, TagFigureDto } from '../api/l2r-api';
import { problemText } from '../core/problem';
import { IntelStore } from './intel-store';

const SEGMENTS: { value: PainSegment; label: string }[] = [
  { value: 'Industry', label: 'Industry' },
  { value: 'CompanySize', label: 'Company size' },
  { value: 'Source', label: 'Source' },
];

/** The pains leads named, per industry, company size band or source. */
@Component({
  selector: 'app-pains-report',
  imports: [MatButtonToggleModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card-box" aria-labelledby="pains-title" data-testid="pains">
      <div class="head">
        <h2 id="pains-title">Pains by segment</h2>
        <mat-button-toggle-group
          [value]="store.query().groupBy"
          (change)="store.update({ groupBy: $event.value })"
          aria-label="Segment by"
          hideSingleSelectionIndicator
        >
          @for (s of segments; track s.value) {
            <mat-button-toggle [value]="s.value">{{ s.label }}</mat-button-toggle>
          }
        </mat-button-toggle-group>
      </div>
      @if (store.pains().problem; as p) {
        <div class="error-box" role="alert">{{ problemText(p) }}</div>
      }
      @if (store.pains().value; as r) {
        @for (s of r.segments; track s.key) {
          <div class="segment">
            <h3>
              {{ s.label }}
              <button class="count" type="button" (click)="drillSegment(s)">
                {{ s.leads }} leads
              </button>
            </h3>
            <ul class="figures">
              @for (p of s.pains; track p.tagId) {
                <li>
                  {{ p.label }}
                  <button
                    class="count"
                    type="button"
                    (click)="drill(s, p)"
                    data-testid="pain-leads"
                  >
                    {{ p.leads }}
                  </button>
                </li>
              }
            </ul>
          </div>
        } @empty {
          <p class="empty">No pains heard in this period.</p>
        }
      }
    </section>
  `,
})
export class PainsReport {
  protected readonly store = inject(IntelStore);
  protected readonly segments = SEGMENTS;
  protected readonly problemText = problemText;

  protected drill(s: SegmentPainsDto, p: TagFigureDto): void {
    void this.store.openDrill({
      title: `${p.label} · ${s.label}`,
      expected: p.leads,
      tagId: p.tagId,
      groupBy: this.store.query().groupBy,
      group: s.key,
    });
  }

  protected drillSegment(s: SegmentPainsDto): void {
    void this.store.openDrill({
      title: `Pains heard · ${s.label}`,
      expected: s.leads,
      kind: 'Pain',
      groupBy: this.store.query().groupBy,
      group: s.key,
    });
  }
}
