using System.Linq.Expressions;
using L2R.Api.Features.Leads;
using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Live;
using L2R.Api.Infrastructure.Outbox;
using L2R.Api.Infrastructure.Web;
using L2R.Domain.Leads;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace L2R.Api.Features.Imports.UndoImport;

public sealed record UndoImportCommand(Guid Id) : ICommand<ImportRunDto>;

/// <summary>
/// Takes a real run back within the undo period, in one transaction: the leads it created are removed with their
/// history, the fields it changed get their previous values back (the lead is then re-scored and advanced like any
/// edit), the activities it recorded are removed. A lead someone worked after the run started (moved it, edited it,
/// merged it, recorded an activity) is left as it is and listed in the report. The undo is recorded in the audit.
/// </summary>
public sealed class UndoImportHandler(L2RDbContext db, LeadMoves moves, ICurrentUser user, LiveBoardChanges live, IOptions<ImportOptions> options)
    : ICommandHandler<UndoImportCommand, ImportRunDto>
{
    private const int MaxListed = 1000;
    private const int Batch = 1000;

    public async ValueTask<ImportRunDto> Handle(UndoImportCommand command, CancellationToken ct) =>
        await db.InTransactionAsync(async () =>
        {
            var run = await db.FindImportAsync(command.Id, ct);
            var now = moves.Now;
            Check(run, now);
            var runId = run.Id;
            var since = run.StartedAt!.Value;
            var worked = WorkedSince(runId, since);

            var createdByRun = db.Leads.Where(l => db.LeadTransitions.Any(t => t.LeadId == l.Id && t.ImportRunId == runId && t.Kind == HistoryEntryKind.Created));
            var leftAlone = await LeftAloneAsync(createdByRun.Where(worked), "created by the import, then worked", ct);
            var removing = await createdByRun.Where(Not(worked)).Select(l => new { l.Id, l.EventSequence, l.State }).ToListAsync(ct);
            db.OutboxEvents.AddRange(OutboxWriter.ForDeletedLeads(removing.Select(l => (l.Id, l.EventSequence)), "The import that created it was undone.", runId, now));
            var removed = await BoardCounts.DeleteAsync(db, createdByRun.Where(Not(worked)), removing.Select(l => l.State), ct);
            live.Reload(BoardReloadReasons.Import);

            var updatedByRun = db.Leads.Where(l => db.LeadChanges.Any(c => c.LeadId == l.Id && c.ImportRunId == runId));
            leftAlone.AddRange(await LeftAloneAsync(updatedByRun.Where(worked), "updated by the import, then worked", ct));
            var restored = await RestoreAsync(updatedByRun.Where(Not(worked)), runId, now, ct);

            var activitiesRemoved = await RemoveActivitiesAsync(runId, ct);

            run.Status = ImportStatus.Undone;
            run.UndoneAt = now;
            run.UndoneBy = user.RequiredUserId;
            run.UndoReport = new ImportUndoReport(removed, restored, activitiesRemoved, leftAlone.Count, leftAlone.Take(MaxListed).ToList());
            db.Audit.Add(new AuditEntry
            {
                At = now,
                UserId = user.UserId,
                Action = "import.undone",
                Subject = $"import/{runId}",
                Detail = $"{run.FileName}: {removed} leads removed, {restored} restored, {activitiesRemoved} activities removed, {leftAlone.Count} left alone.",
            });
            await db.SaveChangesAsync(ct);
            return await db.ToDtoAsync(run, now, options.Value.UndoDays, ct);
        }, ct);

    private void Check(ImportRun run, DateTime now)
    {
        if (run.DryRun || run.StartedAt is null)
        {
            throw new ConflictException($"{(run.DryRun ? "A dry run" : "An import cancelled before it started")} wrote nothing, so there is nothing to undo.");
        }

        if (run.Status == ImportStatus.Undone)
        {
            throw new ConflictException("The import has already been undone.");
        }

        if (ImportRunDto.UndoDeadline(run, options.Value.UndoDays) is not { } until)
        {
            throw new ConflictException($"The import is {run.Status.ToString().ToLowerInvariant()}; cancel it first, then undo it.");
        }

        if (now > until)
        {
            throw new ConflictException($"Imports can be undone for {options.Value.UndoDays} days after they end; this one ended on {run.CompletedAt:yyyy-MM-dd}.");
        }
    }

    /// <summary>
    /// Someone other than this run touched the lead after the run started: a move that was not the system's own
    /// auto-advance (a merge included), a field changed, or an activity recorded.
    /// </summary>
    private Expression<Func<Lead, bool>> WorkedSince(Guid runId, DateTime since) => l =>
        db.LeadTransitions.Any(t => t.LeadId == l.Id && t.OccurredAt >= since && t.ActorKind != ActorKind.System && (t.ImportRunId == null || t.ImportRunId != runId))
        || db.LeadChanges.Any(c => c.LeadId == l.Id && c.ChangedAt >= since && (c.ImportRunId == null || c.ImportRunId != runId))
        || db.LeadActivities.Any(a => a.LeadId == l.Id && a.RecordedAt >= since && (a.ImportRunId == null || a.ImportRunId != runId));

    private static Expression<Func<Lead, bool>> Not(Expression<Func<Lead, bool>> predicate) =>
        Expression.Lambda<Func<Lead, bool>>(Expression.Not(predicate.Body), predicate.Parameters);

    private static async Task<List<LeftAloneLead>> LeftAloneAsync(IQueryable<Lead> leads, string reason, CancellationToken ct) =>
        await leads.OrderBy(l => l.DisplayName).Select(l => new LeftAloneLead(l.Id, l.DisplayName, reason)).ToListAsync(ct);

    /// <summary>Puts back every field the run changed, in batches of leads; recorded as the undoer's edits, then re-scored and advanced.</summary>
    private async Task<int> RestoreAsync(IQueryable<Lead> leads, Guid runId, DateTime now, CancellationToken ct)
    {
        var ids = await leads.Select(l => l.Id).ToListAsync(ct);
        foreach (var chunk in ids.Chunk(Batch))
        {
            var batch = await db.Leads.Where(l => chunk.Contains(l.Id)).ToListAsync(ct);
            var changes = (await db.LeadChanges.AsNoTracking().Where(c => c.ImportRunId == runId && chunk.Contains(c.LeadId)).ToListAsync(ct)).ToLookup(c => c.LeadId);
            foreach (var lead in batch)
            {
                foreach (var change in changes[lead.Id])
                {
                    db.LeadChanges.Add(new LeadChange
                    {
                        LeadId = lead.Id, Field = change.Field, OldValue = LeadImportFields.Get(lead, change.Field), NewValue = change.OldValue, ChangedBy = user.UserId, ChangedAt = now,
                    });
                    LeadImportFields.Set(lead, change.Field, change.OldValue);
                }

                lead.UpdatedAt = now;
            }

            await moves.AdvanceManyAsync(batch, TimeSpan.Zero, ct);
            await db.SaveChangesAsync(ct);
        }

        return ids.Count;
    }

    /// <summary>An activities import: its activities go, and the leads they scored are re-scored without them.</summary>
    private async Task<int> RemoveActivitiesAsync(Guid runId, CancellationToken ct)
    {
        var leadIds = await db.LeadActivities.Where(a => a.ImportRunId == runId).Select(a => a.LeadId).Distinct().ToListAsync(ct);
        var removed = await db.LeadActivities.Where(a => a.ImportRunId == runId).ExecuteDeleteAsync(ct);
        foreach (var chunk in leadIds.Chunk(Batch))
        {
            await moves.AdvanceManyAsync(await db.Leads.Where(l => chunk.Contains(l.Id)).ToListAsync(ct), TimeSpan.Zero, ct);
            await db.SaveChangesAsync(ct);
        }

        return removed;
    }
}
