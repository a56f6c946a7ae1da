/**
 * What an admin may grant and subscribe to. The API publishes neither list as an endpoint (only its validators know
 * them), so these mirror api/L2R.Api/Infrastructure/Auth/ApiScopes.cs and Infrastructure/Outbox/EventCatalogue.cs;
 * a value the API does not know comes back as a 400 on `scopes` or `eventTypes`, shown beside the checkboxes.
 */
export interface CatalogueEntry {
  value: string;
  description: string;
}

export const SCOPES: CatalogueEntry[] = [
  {
    value: 'leads:read',
    description: 'Read leads, their history, activities and scores, the board and the event feed.',
  },
  { value: 'leads:write', description: 'Create, edit and upsert leads.' },
  { value: 'activities:write', description: 'Record activities.' },
  {
    value: 'transitions:write',
    description: 'Move leads (as far as the agreement lets integrations).',
  },
  { value: 'metrics:read', description: 'Read metrics.' },
  { value: 'webhooks:manage', description: 'Manage webhook subscriptions and their deliveries.' },
];

export const EVENT_TYPES: CatalogueEntry[] = [
  { value: 'lead.created', description: 'A lead is created, by any path.' },
  { value: 'lead.updated', description: 'Fields of a lead change (old and new values).' },
  {
    value: 'lead.stage_changed',
    description: 'Any move: from, to, trigger, actor, agreement version and each criterion.',
  },
  { value: 'lead.assigned', description: 'The owner changes.' },
  { value: 'lead.merged', description: 'Another lead is merged into this one.' },
  { value: 'lead.deleted', description: 'An undone import removes a lead it created.' },
  { value: 'sla.warning', description: 'An SLA clock passes its warning threshold.' },
  { value: 'sla.breached', description: 'An SLA clock passes its due time unmet.' },
  { value: 'agreement.activated', description: 'A new agreement version takes effect.' },
  { value: 'import.completed', description: 'A real import run finishes.' },
  {
    value: 'metrics.drift_detected',
    description: "MQL acceptance or the reject rate crosses the agreement's alarm.",
  },
  {
    value: 'review.brief_ready',
    description: "A joint review's brief is ready (scheduled or regenerated).",
  },
];
