import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  afterNextRender,
  effect,
  inject,
  input,
  signal,
} from '@angular/core';
import type { EChartsCoreOption, EChartsType } from 'echarts/core';

/**
 * An ECharts chart of the given options. ECharts loads on first use (its own chunk), renders as SVG and follows the
 * element's size. It draws numbers the page also lists in a table, so to a screen reader it is one labelled image.
 */
@Component({
  selector: 'app-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '',
  host: { role: 'img', '[attr.aria-label]': 'label()' },
  styles: `
    :host {
      display: block;
      width: 100%;
      height: 280px;
    }
  `,
})
export class Chart {
  readonly options = input.required<EChartsCoreOption>();
  readonly label = input.required<string>();

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  private readonly chart = signal<EChartsType | null>(null);

  constructor() {
    const destroyRef = inject(DestroyRef);
    afterNextRender(async () => {
      const { echarts } = await import('./chart-engine');
      if (destroyRef.destroyed) return;
      const chart = echarts.init(this.host, undefined, { renderer: 'svg' });
      const resize = new ResizeObserver(() => chart.resize());
      resize.observe(this.host);
      destroyRef.onDestroy(() => {
        resize.disconnect();
        chart.dispose();
      });
      this.chart.set(chart);
    });
    effect(() => this.chart()?.setOption(this.options(), { notMerge: true }));
  }
}
