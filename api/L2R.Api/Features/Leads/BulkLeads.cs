using FluentValidation;
using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Web;
using L2R.Domain.Agreements;
using L2R.Domain.Leads;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Leads;

public enum BulkOutcome
{
    Moved,
    Updated,
    Unchanged,
    Refused,
    NotFound,
}

/// <summary>Why one lead of a bulk request was not changed: the ProblemDetails its single request would have answered.</summary>
public sealed record BulkProblemDto(int Status, string Type, string Title, string Detail, IReadOnlyList<CriterionEvaluation>? Criteria);

/// <summary>One lead's result; <c>state</c> and <c>version</c> are the lead's after the request (absent when it was not found).</summary>
public sealed record BulkLeadResultDto(Guid LeadId, BulkOutcome Outcome, LeadState? State, int? Version, BulkProblemDto? Problem);

/// <summary>A result per lead, in the order the request named them.</summary>
public sealed record BulkResultDto(IReadOnlyList<BulkLeadResultDto> Results, int Changed, int Failed);

public static class BulkLeads
{
    public const int MaxLeads = 1000;

    public static IRuleBuilderOptions<T, IReadOnlyList<Guid>> ValidLeadIds<T>(this IRuleBuilder<T, IReadOnlyList<Guid>> rule) =>
        rule.NotEmpty()
            .Must(ids => ids.Count <= MaxLeads).WithMessage($"At most {MaxLeads} leads per request.")
            .Must(ids => ids.Distinct().Count() == ids.Count).WithMessage("Name each lead once.")
            .Must(ids => !ids.Contains(Guid.Empty)).WithMessage("Lead ids must not be empty.");

    /// <summary>The named leads of this tenant, tracked; ids of unknown or other tenants' leads are simply absent.</summary>
    public static async Task<Dictionary<Guid, Lead>> LoadAsync(L2RDbContext db, IReadOnlyList<Guid> ids, CancellationToken ct) =>
        await db.Leads.Where(l => ids.Contains(l.Id)).ToDictionaryAsync(l => l.Id, ct);

    public static BulkResultDto Results(IReadOnlyList<Guid> ids, Func<Guid, BulkLeadResultDto> resultOf)
    {
        var results = ids.Select(resultOf).ToList();
        return new BulkResultDto(
            results,
            results.Count(r => r.Outcome is BulkOutcome.Moved or BulkOutcome.Updated),
            results.Count(r => r.Outcome is BulkOutcome.Refused or BulkOutcome.NotFound));
    }

    public static BulkLeadResultDto NotFound(Guid id) => new(id, BulkOutcome.NotFound, null, null, Problem(new NotFoundException("Lead", id)));

    public static BulkLeadResultDto Done(Lead lead, BulkOutcome outcome) => new(lead.Id, outcome, lead.State, lead.Version, null);

    public static BulkProblemDto Problem(AppException exception)
    {
        var problem = ProblemDetailsExceptionHandler.Map(exception);
        return new BulkProblemDto(
            problem.Status ?? 500,
            problem.Type ?? "",
            problem.Title ?? "",
            problem.Detail ?? "",
            (exception as GuardUnmetException)?.Unmet);
    }

    /// <summary>
    /// Applies one edit to each named lead, records every changed field, and re-scores and advances the changed leads in
    /// one batch (one query for their activities), all in one transaction.
    /// </summary>
    public static async Task<BulkResultDto> EditAsync(
        L2RDbContext db, LeadMoves moves, ICurrentUser user, IReadOnlyList<Guid> ids,
        Func<Lead, IReadOnlyList<(string Field, string? Old, string? New)>> edit, CancellationToken ct) =>
        await db.InTransactionAsync(async () =>
        {
            var leads = await LoadAsync(db, ids, ct);
            var changed = new List<Lead>();
            foreach (var lead in leads.Values)
            {
                var changes = edit(lead);
                if (changes.Count > 0)
                {
                    lead.UpdatedAt = moves.Now;
                    db.LeadChanges.AddRange(changes.Select(c => LeadProfileWriter.ToChange(lead.Id, c, user.Actor, moves.Now)));
                    changed.Add(lead);
                }
            }

            await moves.AdvanceManyAsync(changed, TimeSpan.Zero, ct);
            await db.SaveChangesAsync(ct);
            return Results(ids, id => leads.TryGetValue(id, out var lead)
                ? Done(lead, changed.Contains(lead) ? BulkOutcome.Updated : BulkOutcome.Unchanged)
                : NotFound(id));
        }, ct);
}
