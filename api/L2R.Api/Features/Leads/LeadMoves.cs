using L2R.Api.Features.Agreements;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Web;
using L2R.Domain.Agreements;
using L2R.Domain.Leads;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Leads;

/// <summary>
/// The database side of <see cref="LeadMover"/>: loads a lead's (or many leads') facts as of now, runs the mover under
/// the active agreement, and adds the history it wrote to the unit of work. The caller saves, inside its transaction.
/// </summary>
public sealed class LeadMoves(L2RDbContext db, AgreementStore agreements, TimeProvider clock)
{
    /// <summary>Read per command, not per scope: one scope may run several commands while the demo's clock travels.</summary>
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<LeadMover> MoverAsync(CancellationToken ct)
    {
        var active = await agreements.GetActiveAsync(ct);
        return new LeadMover(active.Agreement, active.Version);
    }

    /// <summary>Records a new lead's creation as its entry into its first stage, then advances it; adds the lead too.</summary>
    public async Task<IReadOnlyList<LeadTransition>> CreateAsync(Lead lead, Actor actor, CancellationToken ct)
    {
        var now = Now;
        lead.CreatedAt = lead.UpdatedAt = now;
        var history = (await MoverAsync(ct)).Create(new LeadFacts(lead, [], now), actor);
        db.Leads.Add(lead);
        db.LeadTransitions.AddRange(history);
        return history;
    }

    /// <summary>Fires a person's move; a refusal becomes the ProblemDetails its kind maps to, and nothing is written.</summary>
    public async Task<IReadOnlyList<LeadTransition>> FireAsync(Lead lead, Actor actor, MoveRequest request, CancellationToken ct)
    {
        var outcome = (await MoverAsync(ct)).Fire(await FactsAsync(lead, ct), actor, request);
        if (outcome.Refusal is { } refusal)
        {
            throw ToException(refusal, lead);
        }

        db.LeadTransitions.AddRange(outcome.Transitions);
        return outcome.Transitions;
    }

    /// <summary>
    /// The batch form of <see cref="FireAsync"/> for leads the context tracks: one query for their activities, the mover's
    /// <see cref="LeadMover.FireMany"/>, the history of the moved ones added. A refused lead is left unwritten (the mover
    /// scored it as of now, but a refusal changes nothing), and its refusal is <see cref="ToException"/>'s to explain.
    /// </summary>
    public async Task<IReadOnlyList<MoveOutcome>> FireManyAsync(IReadOnlyList<Lead> leads, Actor actor, MoveRequest request, CancellationToken ct)
    {
        var outcomes = (await MoverAsync(ct)).FireMany(await FactsAsync(leads, ct), actor, request);
        foreach (var outcome in outcomes)
        {
            if (outcome.Moved)
            {
                db.LeadTransitions.AddRange(outcome.Transitions);
            }
            else
            {
                db.Entry(outcome.Lead).State = EntityState.Unchanged;
            }
        }

        return outcomes;
    }

    /// <summary>Re-scores a lead after its data or activities changed and makes every automatic move that now holds.</summary>
    public async Task<IReadOnlyList<LeadTransition>> AdvanceAsync(Lead lead, CancellationToken ct)
    {
        var history = (await MoverAsync(ct)).Advance(await FactsAsync(lead, ct));
        db.LeadTransitions.AddRange(history);
        return history;
    }

    public async Task<LeadFacts> FactsAsync(Lead lead, CancellationToken ct) => (await FactsAsync([lead], ct))[0];

    /// <summary>The facts of many leads with one query for all their activities.</summary>
    public async Task<IReadOnlyList<LeadFacts>> FactsAsync(IReadOnlyList<Lead> leads, CancellationToken ct)
    {
        var ids = leads.Select(l => l.Id).ToList();
        return await FactsAsync(leads, db.LeadActivities.Where(a => ids.Contains(a.LeadId)), ct);
    }

    /// <summary>
    /// The facts of one keyset page of leads, in the order the database sorted them by id: their activities are read as
    /// one range of the (TenantId, LeadId) index, from the page's first id to its last. Thousands of ids asked one by one
    /// cost more: PostgreSQL answers them by scanning every tenant's activities, once per page.
    /// </summary>
    public async Task<IReadOnlyList<LeadFacts>> FactsOfPageAsync(IReadOnlyList<Lead> page, CancellationToken ct)
    {
        if (page.Count == 0)
        {
            return [];
        }

        var (first, last) = (page[0].Id, page[^1].Id);
        return await FactsAsync(page, db.LeadActivities.Where(a => a.LeadId >= first && a.LeadId <= last), ct);
    }

    /// <summary>
    /// The batch form for leads already tracked by the context (the sweep): one query for their activities, the mover
    /// in memory, the history added in bulk. A lead whose stored score is unchanged, that did not move and was scored
    /// within <paramref name="refreshAfter"/> is left unwritten, so a sweep does not rewrite every lead each time.
    /// </summary>
    public async Task<IReadOnlyList<LeadTransition>> AdvanceManyAsync(IReadOnlyList<Lead> leads, TimeSpan refreshAfter, CancellationToken ct) =>
        Advance(await MoverAsync(ct), await FactsAsync(leads, ct), refreshAfter);

    /// <summary><see cref="AdvanceManyAsync"/> over one keyset page of tracked leads (activation), its activities read as <see cref="FactsOfPageAsync"/> does.</summary>
    public async Task<IReadOnlyList<LeadTransition>> AdvancePageAsync(IReadOnlyList<Lead> page, TimeSpan refreshAfter, CancellationToken ct) =>
        Advance(await MoverAsync(ct), await FactsOfPageAsync(page, ct), refreshAfter);

    private List<LeadTransition> Advance(LeadMover mover, IReadOnlyList<LeadFacts> leads, TimeSpan refreshAfter)
    {
        var history = new List<LeadTransition>();
        foreach (var facts in leads)
        {
            var lead = facts.Lead;
            var before = (lead.FitScore, lead.EngagementScore, lead.AgreementVersion, lead.ScoredAt);
            var moves = mover.Advance(facts);
            history.AddRange(moves);
            if (moves.Count == 0
                && before == (lead.FitScore, lead.EngagementScore, lead.AgreementVersion, before.ScoredAt)
                && facts.Now - before.ScoredAt < refreshAfter)
            {
                lead.ScoredAt = before.ScoredAt;
            }
        }

        db.LeadTransitions.AddRange(history);
        return history;
    }

    /// <summary>Reads the activities as facts, grouped by lead as they stream in.</summary>
    private async Task<IReadOnlyList<LeadFacts>> FactsAsync(IReadOnlyList<Lead> leads, IQueryable<LeadActivity> activities, CancellationToken ct)
    {
        var byLead = new Dictionary<Guid, List<ActivityFact>>();
        var rows = activities.AsNoTracking().Select(a => new { a.LeadId, a.Type, a.OccurredAt, a.Campaign }).AsAsyncEnumerable();
        await foreach (var a in rows.WithCancellation(ct))
        {
            if (!byLead.TryGetValue(a.LeadId, out var facts))
            {
                byLead[a.LeadId] = facts = [];
            }

            facts.Add(new ActivityFact(a.Type, a.OccurredAt, a.Campaign));
        }

        var now = Now;
        return leads.Select(l => new LeadFacts(l, byLead.TryGetValue(l.Id, out var facts) ? facts : [], now)).ToList();
    }

    public static AppException ToException(MoveRefusal refusal, Lead lead) => refusal.Kind switch
    {
        MoveRefusalKind.RoleMayNot => new ForbiddenException(refusal.Message),
        MoveRefusalKind.NotAMoveFromState => new ConflictException(refusal.Message, new Dictionary<string, object?> { ["state"] = lead.State.ToString() }),
        MoveRefusalKind.StaleVersion => new PreconditionFailedException(refusal.Message),
        MoveRefusalKind.ReasonMissing or MoveRefusalKind.ReasonUnknown => RequestValidationException.For("reasonCode", refusal.Message),
        _ => new GuardUnmetException(refusal.Message, refusal.Unmet),
    };
}
