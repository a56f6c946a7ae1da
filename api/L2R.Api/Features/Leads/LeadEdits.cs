using L2R.Api.Features.Leads.CreateLead;
using L2R.Api.Features.Leads.UpdateLead;
using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Web;
using L2R.Domain.Leads;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Leads;

/// <summary>An edit of a lead's fields, shared by the edit and the upsert: applied with its checks, then recorded field by field and followed by the mover.</summary>
public sealed class LeadEdits(L2RDbContext db, ICurrentUser user, LeadMoves moves)
{
    /// <summary>
    /// Checks in the order callers expect (sales' fields 403 → stale copy 412 → email taken 409 → unknown owner 400),
    /// then changes the lead and returns each changed field.
    /// </summary>
    public async Task<List<(string Field, string? Old, string? New)>> ApplyAsync(Lead lead, UpdateLeadRequest changes, int? expectedVersion, CancellationToken ct)
    {
        // An integration's leads:write covers every field; among people, sales' fields are sales' (and admins').
        if (changes.TouchesSalesFields && user.Actor.Kind == ActorKind.User && (user.Roles & (Roles.Sales | Roles.Admin)) == 0)
        {
            throw new ForbiddenException("Only Sales or an Admin may change the owner, the BANT checklist or the opportunity.");
        }

        if (expectedVersion is { } expected && expected != lead.Version)
        {
            throw new PreconditionFailedException($"The lead is at version {lead.Version}, not {expected}; someone else changed it. Reload to see their change.");
        }

        if (changes.Email is not null)
        {
            await CreateLeadHandler.EnsureEmailFreeAsync(db, LeadReads.Normalize(changes.Email), lead.Id, ct);
        }

        var changed = LeadProfileWriter.Apply(lead, changes).ToList();
        await ApplySalesFieldsAsync(lead, changes, changed, ct);
        return changed;
    }

    /// <summary>Records the changed fields and lets the mover re-score and advance the lead; nothing at all when nothing changed.</summary>
    public async Task<IReadOnlyList<LeadTransition>> RecordAsync(Lead lead, IReadOnlyList<(string Field, string? Old, string? New)> changed, CancellationToken ct)
    {
        if (changed.Count == 0)
        {
            return [];
        }

        lead.UpdatedAt = moves.Now;
        db.LeadChanges.AddRange(changed.Select(c => LeadProfileWriter.ToChange(lead.Id, c, user.Actor, moves.Now)));
        return await moves.AdvanceAsync(lead, ct);
    }

    private async Task ApplySalesFieldsAsync(Lead lead, UpdateLeadRequest changes, List<(string Field, string? Old, string? New)> changed, CancellationToken ct)
    {
        if (changes.OwnerId is { } ownerId)
        {
            Guid? next = ownerId == Guid.Empty ? null : ownerId;
            if (next is { } id && !await db.Users.AnyAsync(u => u.Id == id && u.IsActive, ct))
            {
                throw RequestValidationException.For("ownerId", "The owner must be an active user of this tenant.");
            }

            Set(nameof(Lead.OwnerId), lead.OwnerId, next, () => lead.OwnerId = next);
        }

        if (changes.Budget is { } budget)
        {
            Set(nameof(Lead.Budget), lead.Budget, budget, () => lead.Budget = budget);
        }

        if (changes.Authority is { } authority)
        {
            Set(nameof(Lead.Authority), lead.Authority, authority, () => lead.Authority = authority);
        }

        if (changes.Need is { } need)
        {
            Set(nameof(Lead.Need), lead.Need, need, () => lead.Need = need);
        }

        if (changes.Timeline is { } timeline)
        {
            Set(nameof(Lead.Timeline), lead.Timeline, timeline, () => lead.Timeline = timeline);
        }

        if (changes.Amount is { } amount)
        {
            Set(nameof(Lead.Amount), lead.Amount, amount, () => lead.Amount = amount);
        }

        if (changes.ExpectedCloseDate is { } closeDate)
        {
            var date = DateTime.SpecifyKind(closeDate.Date, DateTimeKind.Utc);
            Set(nameof(Lead.ExpectedCloseDate), lead.ExpectedCloseDate, date, () => lead.ExpectedCloseDate = date);
        }

        void Set(string field, object? current, object? next, Action write)
        {
            if (Equals(current, next))
            {
                return;
            }

            changed.Add((field, LeadProfileWriter.Show(current), LeadProfileWriter.Show(next)));
            write();
        }
    }
}
