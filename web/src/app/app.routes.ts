import { Routes } from '@angular/router';
import { leaveGuard } from './agreement/leave-guard';
import { anonymousGuard, authGuard, roleGuard } from './core/guards';

export const routes: Routes = [
  {
    path: 'login',
    canActivate: [anonymousGuard],
    title: 'Sign in · L2R',
    loadComponent: () => import('./auth/login').then((m) => m.Login),
  },
  {
    path: 'signup',
    canActivate: [anonymousGuard],
    title: 'Sign up · L2R',
    loadComponent: () => import('./auth/signup').then((m) => m.Signup),
  },
  {
    path: '',
    canActivate: [authGuard],
    loadComponent: () => import('./core/shell').then((m) => m.Shell),
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'board' },
      {
        path: 'board',
        title: 'Board · L2R',
        loadComponent: () => import('./board/board').then((m) => m.Board),
      },
      {
        path: 'leads/:id',
        title: 'Lead · L2R',
        loadComponent: () => import('./leads/lead-page').then((m) => m.LeadPage),
      },
      {
        path: 'agreement',
        title: 'Agreement · L2R',
        loadComponent: () => import('./agreement/agreement-page').then((m) => m.AgreementPage),
      },
      {
        path: 'agreement/drafts/:id',
        title: 'Agreement draft · L2R',
        loadComponent: () => import('./agreement/draft-page').then((m) => m.DraftPage),
        canDeactivate: [leaveGuard],
      },
      {
        path: 'admin/users',
        title: 'Users · L2R',
        canActivate: [roleGuard('Admin')],
        loadComponent: () => import('./admin/users-page').then((m) => m.UsersPage),
      },
      {
        path: 'admin/teams',
        title: 'Teams · L2R',
        canActivate: [roleGuard('Admin')],
        loadComponent: () => import('./routing/teams-page').then((m) => m.TeamsPage),
      },
      {
        path: 'routing/fairness',
        title: 'Fairness · L2R',
        canActivate: [roleGuard('Sales', 'Admin')],
        loadComponent: () => import('./routing/fairness-page').then((m) => m.FairnessPage),
      },
    ],
  },
  { path: '**', redirectTo: 'board' },
];
