using L2R.Api.Features.Imports;
using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Web;
using L2R.Domain.Leads;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Leads.MergeLeads;

/// <summary>
/// Merges a duplicate into the surviving lead, in one transaction: both leads are found (404 first, for either), the
/// role is Marketing or Admin (403), the survivor's copy is current (412); the chosen values are written to the
/// survivor as recorded edits; the absorbed lead's activities, history and edits move to the survivor; the absorbed
/// lead is removed and its id kept as a pointer; the mover records the merge in the survivor's history and re-scores
/// and advances it on both leads' activities; the audit records who merged what.
/// </summary>
public sealed class MergeLeadsHandler(L2RDbContext db, LeadMoves moves, ICurrentUser user) : ICommandHandler<MergeLeadsCommand, LeadMovesDto>
{
    public async ValueTask<LeadMovesDto> Handle(MergeLeadsCommand command, CancellationToken ct) =>
        await db.InTransactionAsync(async () =>
        {
            var survivor = await db.FindLeadAsync(command.SurvivorId, ct);
            var absorbedId = command.Request.AbsorbedLeadId;
            var absorbed = await db.Leads.AsNoTracking().FirstOrDefaultAsync(l => l.Id == absorbedId, ct) ?? throw await db.LeadNotFoundAsync(absorbedId, ct);
            if ((user.Roles & (Roles.Marketing | Roles.Admin)) == 0)
            {
                throw new ForbiddenException("Only Marketing or an Admin may merge leads.");
            }

            if (command.ExpectedVersion is { } expected && expected != survivor.Version)
            {
                throw new PreconditionFailedException($"The lead is at version {survivor.Version}, not {expected}; someone else changed it. Reload to see their change.");
            }

            var now = moves.Now;
            await db.LeadActivities.Where(a => a.LeadId == absorbedId).ExecuteUpdateAsync(s => s.SetProperty(a => a.LeadId, survivor.Id), ct);
            await db.LeadTransitions.Where(t => t.LeadId == absorbedId).ExecuteUpdateAsync(s => s.SetProperty(t => t.LeadId, survivor.Id), ct);
            await db.StageEntries.Where(e => e.LeadId == absorbedId).ExecuteUpdateAsync(s => s.SetProperty(e => e.LeadId, survivor.Id), ct);
            await db.LeadChanges.Where(c => c.LeadId == absorbedId).ExecuteUpdateAsync(s => s.SetProperty(c => c.LeadId, survivor.Id), ct);
            await db.LeadIntel.Where(i => i.LeadId == absorbedId).ExecuteUpdateAsync(s => s.SetProperty(i => i.LeadId, survivor.Id), ct);
            await db.LeadIntelTags.Where(t => t.LeadId == absorbedId).ExecuteUpdateAsync(s => s.SetProperty(t => t.LeadId, survivor.Id), ct);
            await db.MergedLeads.Where(m => m.SurvivorId == absorbedId).ExecuteUpdateAsync(s => s.SetProperty(m => m.SurvivorId, survivor.Id), ct);

            // Gone before the survivor is saved, so the survivor may take the absorbed lead's email.
            if (await BoardCounts.DeleteAsync(db, db.Leads.Where(l => l.Id == absorbedId), [absorbed.State], ct) == 0)
            {
                throw new ConflictException("The other lead moved while it was being merged; try the merge again.");
            }

            var changes = Choose(survivor, absorbed, command.Request.Fields ?? new Dictionary<string, MergeSide>());
            db.LeadChanges.AddRange(changes.Select(c => new LeadChange
            {
                LeadId = survivor.Id, Field = c.Field, OldValue = c.Old, NewValue = c.New, ChangedBy = user.UserId, ChangedAt = now,
            }));
            db.MergedLeads.Add(new MergedLead { Id = absorbedId, SurvivorId = survivor.Id, MergedAt = now, MergedBy = user.UserId });
            db.Audit.Add(new AuditEntry
            {
                At = now,
                UserId = user.UserId,
                Action = "lead.merged",
                Subject = $"lead/{survivor.Id}",
                Detail = $"{absorbed.DisplayName} ({absorbedId}) merged into {survivor.DisplayName} ({survivor.Id}); {changes.Count} fields taken from it.",
            });

            var history = (await moves.MoverAsync(ct)).Merge(await moves.FactsAsync(survivor, ct), absorbedId, user.Actor, command.Request.Note);
            db.LeadTransitions.AddRange(history);
            await db.SaveChangesAsync(ct);
            return await db.ToMovesDtoAsync(survivor, history, ct);
        }, ct);

    /// <summary>Writes the absorbed lead's value where asked, or where the survivor has none; returns what changed.</summary>
    private static List<(string Field, string? Old, string? New)> Choose(Lead survivor, Lead absorbed, IReadOnlyDictionary<string, MergeSide> fields)
    {
        var names = LeadImportFields.All.Select(f => f.Name)
            .Concat(absorbed.CustomFields.Keys.Select(k => LeadImportFields.CustomPrefix + k))
            .Concat(fields.Keys)
            .Distinct(StringComparer.OrdinalIgnoreCase);
        var changes = new List<(string, string?, string?)>();
        foreach (var name in names)
        {
            var field = LeadImportFields.Find(name)?.Name ?? name;
            var (mine, theirs) = (LeadImportFields.Get(survivor, field), LeadImportFields.Get(absorbed, field));
            var side = fields.FirstOrDefault(f => string.Equals(f.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
            var takeTheirs = fields.Keys.Contains(name, StringComparer.OrdinalIgnoreCase) ? side == MergeSide.Absorbed : string.IsNullOrEmpty(mine);
            if (takeTheirs && mine != theirs)
            {
                LeadImportFields.Set(survivor, field, theirs);
                changes.Add((field, mine, theirs));
            }
        }

        return changes;
    }
}
