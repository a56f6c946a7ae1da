import { CanDeactivateFn } from '@angular/router';

export interface HasUnsavedChanges {
  hasUnsavedChanges(): boolean;
}

/** Leaving a page with unsaved edits asks first: the edits live only in that page. */
export const leaveGuard: CanDeactivateFn<HasUnsavedChanges> = (page) =>
  !page.hasUnsavedChanges() || window.confirm('Your changes are not saved. Leave and lose them?');
