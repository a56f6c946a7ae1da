import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  effect,
  input,
  signal,
  viewChild,
} from '@angular/core';

let renderCount = 0;

/** Renders Mermaid text to SVG; mermaid is loaded lazily, only when a diagram is shown. */
@Component({
  selector: 'app-mermaid-diagram',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div #host class="diagram" role="img" [attr.aria-label]="label()"></div>
    @if (failed()) {
      <p class="muted">The diagram could not be drawn; its source:</p>
      <pre>{{ source() }}</pre>
    }
  `,
  styles: `
    .diagram {
      overflow-x: auto;
    }
    .diagram ::ng-deep svg {
      max-width: 100%;
      height: auto;
    }
    pre {
      background: #f4f6f9;
      padding: 8px;
      overflow-x: auto;
    }
  `,
})
export class MermaidDiagram {
  readonly source = input.required<string>();
  readonly label = input('Diagram');
  protected readonly failed = signal(false);
  private readonly host = viewChild.required<ElementRef<HTMLElement>>('host');

  constructor() {
    effect(() => void this.render(this.source(), this.host().nativeElement));
  }

  private async render(text: string, host: HTMLElement): Promise<void> {
    host.innerHTML = '';
    this.failed.set(false);
    if (!text.trim()) return;
    try {
      const mermaid = (await import('mermaid')).default;
      mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'neutral' });
      const { svg } = await mermaid.render(`l2r-mermaid-${++renderCount}`, text);
      host.innerHTML = svg; // mermaid sanitises in strict mode
    } catch {
      this.failed.set(true);
    }
  }
}
