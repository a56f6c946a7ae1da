using L2R.Api.Features.Leads;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Live;
using L2R.Domain.Leads;

namespace L2R.Api.Features.Imports.RunImport;

/// <summary>
/// One batch of a leads import, decided the same way in the dry run and the run: an error row is reported; a row whose
/// email came earlier in the file is a duplicate and skipped; a row whose email the tenant has follows the run's policy;
/// any other row is a new lead, which <see cref="LeadMover.Create"/> records as coming from the run, scores, guards and
/// advances exactly as a lead created by hand. The run writes the leads, their history and the changed fields; the dry
/// run writes nothing of them and only counts where each lead would land.
/// </summary>
public sealed class LeadImportBatch(L2RDbContext db, LeadMoves moves, LiveBoardChanges live)
{
    public async Task<ImportCounts> ProcessAsync(ImportRun run, IReadOnlyList<ImportRow> rows, ISet<string> emailsInFile, Actor actor, CancellationToken ct)
    {
        var write = !run.DryRun;
        var mover = await moves.MoverAsync(ct);
        var now = moves.Now;
        var existing = await db.LeadsByEmailAsync(rows, write, ct);

        var (created, updated, skipped, failed) = (new List<Lead>(), new List<Lead>(), 0, 0);
        var history = new List<LeadTransition>();
        foreach (var row in rows)
        {
            if (row.Failed)
            {
                failed++;
                db.Refuse(run, row);
            }
            else if (row.Email is { } email && !emailsInFile.Add(email))
            {
                skipped++;
            }
            else if (row.Email is not null && existing.TryGetValue(row.Email, out var lead))
            {
                var changes = run.DuplicatePolicy == DuplicatePolicy.Skip ? [] : LeadImportFields.Apply(lead, row, run.DuplicatePolicy);
                if (changes.Count == 0)
                {
                    skipped++;
                    continue;
                }

                lead.UpdatedAt = now;
                updated.Add(lead);
                if (write)
                {
                    db.LeadChanges.AddRange(changes.Select(c => new LeadChange
                    {
                        LeadId = lead.Id, Field = c.Field, OldValue = c.Old, NewValue = c.New, ChangedBy = actor.UserId, ChangedAt = now, ImportRunId = run.Id,
                    }));
                }
            }
            else
            {
                var fresh = new Lead { CreatedAt = now, UpdatedAt = now };
                LeadImportFields.Apply(fresh, row, DuplicatePolicy.Overwrite);
                history.AddRange(mover.Create(new LeadFacts(fresh, [], now), actor, run.Id));
                created.Add(fresh);
            }
        }

        foreach (var facts in await moves.FactsAsync(updated, ct))
        {
            history.AddRange(mover.Advance(facts));
        }

        if (write)
        {
            await moves.WriteImportedAsync(created, updated, history, ct);

            // The new leads went in past the change tracker: boards reload rather than miss them.
            live.Reload(BoardReloadReasons.Import);
        }

        return new ImportCounts
        {
            Created = created.Count,
            Updated = updated.Count,
            Skipped = skipped,
            Failed = failed,
            Stages = created.Concat(updated).GroupBy(l => l.State).ToDictionary(g => g.Key, g => g.Count()),
        };
    }
}
