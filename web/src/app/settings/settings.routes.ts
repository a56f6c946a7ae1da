import { Routes } from '@angular/router';
import { SettingsPage } from './settings-page';

export const SETTINGS_ROUTES: Routes = [
  {
    path: '',
    component: SettingsPage,
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'calendar' },
      {
        path: 'calendar',
        title: 'Calendar · L2R',
        loadComponent: () => import('./calendar-page').then((m) => m.CalendarPage),
      },
      {
        path: 'availability',
        title: 'My availability · L2R',
        loadComponent: () => import('./availability-page').then((m) => m.AvailabilityPage),
      },
    ],
  },
];
