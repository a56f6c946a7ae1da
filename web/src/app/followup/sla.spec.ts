import { dueOrder, slaView, span } from './sla';

describe('sla', () => {
  const now = new Date('2030-01-07T09:00:00Z').getTime();
  const at = (minutes: number) => new Date(now + minutes * 60_000).toISOString();

  it('spells a span in minutes near the deadline and in days far from it', () => {
    expect(span(59 * 60_000 + 59_000)).toBe('59m');
    expect(span(-(2 * 3600_000 + 5 * 60_000))).toBe('2h 05m');
    expect(span(47 * 3600_000 + 59 * 60_000)).toBe('47h 59m');
    expect(span(50 * 3600_000)).toBe('2d 2h');
  });

  it('colours by the instants, even before the server has recorded the warning or the breach', () => {
    const sla = {
      termName: 'First touch',
      status: 'Running' as const,
      warnAt: at(30),
      dueAt: at(60),
    };
    expect(slaView(sla, now)).toMatchObject({ tone: 'ok', text: '1h 00m left' });
    expect(slaView(sla, now + 30 * 60_000)).toMatchObject({ tone: 'warning', text: '30m left' });
    expect(slaView(sla, now + 60 * 60_000)).toMatchObject({ tone: 'breach', text: '0m late' });
    expect(slaView({ ...sla, warned: true }, now)).toMatchObject({ tone: 'warning' });
    expect(slaView({ ...sla, breached: true }, now)).toMatchObject({ tone: 'breach' });
    expect(slaView(sla, now).title).toContain('First touch: due');
  });

  it('shows a paused clock as paused, keeping a colour it already earned', () => {
    expect(slaView({ status: 'Paused' }, now)).toMatchObject({ tone: 'paused', text: 'Paused' });
    expect(slaView({ status: 'Paused', warned: true }, now).tone).toBe('warning');
    expect(slaView({ status: 'Paused', breached: true }, now).tone).toBe('breach');
  });

  it('orders running clocks by due time, then paused ones, then leads without a clock', () => {
    expect(dueOrder({ dueAt: at(5) })).toBeLessThan(dueOrder({ dueAt: at(6) }));
    expect(dueOrder({ dueAt: at(99_999) })).toBeLessThan(dueOrder({ status: 'Paused' }));
    expect(dueOrder({ status: 'Paused' })).toBeLessThan(dueOrder(undefined));
  });
});
