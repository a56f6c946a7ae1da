import { ActivatedRouteSnapshot, RouterStateSnapshot } from '@angular/router';
import { leaveGuard } from './leave-guard';

describe('leaveGuard', () => {
  const run = (dirty: boolean) =>
    leaveGuard(
      { hasUnsavedChanges: () => dirty },
      {} as ActivatedRouteSnapshot,
      {} as RouterStateSnapshot,
      {} as RouterStateSnapshot,
    );

  afterEach(() => vi.restoreAllMocks());

  it('lets the user leave freely when nothing is unsaved', () => {
    const confirm = vi.spyOn(window, 'confirm');
    expect(run(false)).toBe(true);
    expect(confirm).not.toHaveBeenCalled();
  });

  it('asks before unsaved edits are lost', () => {
    vi.spyOn(window, 'confirm').mockReturnValue(false);
    expect(run(true)).toBe(false);
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    expect(run(true)).toBe(true);
  });
});
