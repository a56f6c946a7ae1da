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
        path: 'leads',
        title: 'Leads · L2R',
        loadComponent: () => import('./leads-list/leads-list').then((m) => m.LeadsList),
      },
      {
        path: 'leads/duplicates',
        title: 'Duplicates · L2R',
        loadComponent: () => import('./duplicates/duplicates-page').then((m) => m.DuplicatesPage),
      },
      {
        path: 'imports',
        title: 'Import · L2R',
        canActivate: [roleGuard('Marketing', 'Admin')],
        loadComponent: () => import('./imports/import-page').then((m) => m.ImportPage),
      },
      {
        path: 'leads/:id',
        title: 'Lead · L2R',
        loadComponent: () => import('./leads/lead-page').then((m) => m.LeadPage),
      },
      {
        path: 'metrics',
        title: 'Metrics · L2R',
        canActivate: [roleGuard('Marketing', 'Sales', 'Admin')],
        loadComponent: () => import('./metrics/metrics-page').then((m) => m.MetricsPage),
      },
      {
        path: 'reviews',
        title: 'Reviews · L2R',
        canActivate: [roleGuard('Marketing', 'Sales', 'Admin')],
        loadComponent: () => import('./reviews/reviews-page').then((m) => m.ReviewsPage),
      },
      {
        path: 'reviews/:id',
        title: 'Review · L2R',
        canActivate: [roleGuard('Marketing', 'Sales', 'Admin')],
        loadComponent: () => import('./reviews/review-page').then((m) => m.ReviewPage),
      },
      {
        path: 'intel',
        title: 'Field intel · L2R',
        canActivate: [roleGuard('Marketing', 'Sales', 'Admin')],
        loadComponent: () => import('./intel/intel-page').then((m) => m.IntelPage),
      },
      {
        path: 'queue',
        title: 'My queue · L2R',
        canActivate: [roleGuard('Sales', 'Admin')],
        loadComponent: () => import('./queue/queue-page').then((m) => m.QueuePage),
      },
      {
        path: 'settings',
        loadChildren: () => import('./settings/settings.routes').then((m) => m.SETTINGS_ROUTES),
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
        path: 'admin/users/:userId/availability',
        title: 'Availability · L2R',
        canActivate: [roleGuard('Admin')],
        loadComponent: () => import('./settings/availability-page').then((m) => m.AvailabilityPage),
      },
      { path: 'integrations', pathMatch: 'full', redirectTo: 'integrations/clients' },
      {
        path: 'integrations/clients',
        title: 'API clients · L2R',
        canActivate: [roleGuard('Admin')],
        loadComponent: () => import('./integrations/clients-page').then((m) => m.ClientsPage),
      },
      {
        path: 'integrations/webhooks',
        title: 'Webhooks · L2R',
        canActivate: [roleGuard('Admin')],
        loadComponent: () => import('./integrations/webhooks-page').then((m) => m.WebhooksPage),
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
