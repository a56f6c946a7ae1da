using System.Globalization;
using L2R.Api.Features.Leads;
using L2R.Api.Infrastructure.Data;
using L2R.Domain.Leads;

namespace L2R.Api.Features.Imports.RunImport;

/// <summary>
/// One batch of an activities import: each row is recorded on the lead with its email, as <c>POST .../activities</c>
/// records one, and the leads it touched are re-scored and advanced by the mover in one go. A row naming no lead of the
/// tenant is an error. The dry run records nothing and counts where the touched leads would land.
/// </summary>
public sealed class ActivityImportBatch(L2RDbContext db, LeadMoves moves)
{
    public async Task<ImportCounts> ProcessAsync(ImportRun run, IReadOnlyList<ImportRow> rows, Actor actor, CancellationToken ct)
    {
        var write = !run.DryRun;
        var now = moves.Now;
        var leads = await db.LeadsByEmailAsync(rows, write, ct);

        var recorded = new List<LeadActivity>();
        var failed = 0;
        foreach (var read in rows)
        {
            var row = read.Failed || leads.ContainsKey(read.Email!) ? read : read.Refused($"no lead of this tenant has the email {read.Email}");
            if (row.Failed)
            {
                failed++;
                db.Refuse(run, row);
                continue;
            }

            var lead = leads[row.Email!];
            var values = row.Values.ToDictionary(v => v.Key, v => v.Value);
            recorded.Add(new LeadActivity
            {
                LeadId = lead.Id,
                Type = Enum.Parse<ActivityType>(values["type"]),
                OccurredAt = values.TryGetValue("occurredAt", out var at) ? DateTime.Parse(at, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind) : now,
                Campaign = values.GetValueOrDefault("campaign") ?? lead.Campaign,
                Url = values.GetValueOrDefault("url"),
                Title = values.GetValueOrDefault("title"),
                RecordedBy = actor.UserId,
                RecordedAt = now,
                ImportRunId = run.Id,
            });
        }

        var touched = recorded.Select(a => a.LeadId).ToHashSet();
        var touchedLeads = leads.Values.Where(l => touched.Contains(l.Id)).ToList();
        var added = recorded.ToLookup(a => a.LeadId, a => new ActivityFact(a.Type, a.OccurredAt, a.Campaign));
        var mover = await moves.MoverAsync(ct);
        foreach (var facts in await moves.FactsAsync(touchedLeads, ct))
        {
            facts.Lead.UpdatedAt = now;
            var history = mover.Advance(facts with { Activities = [.. facts.Activities, .. added[facts.Lead.Id]] });
            if (write)
            {
                db.LeadTransitions.AddRange(history);
            }
        }

        if (write)
        {
            db.LeadActivities.AddRange(recorded);
        }

        return new ImportCounts
        {
            Created = recorded.Count,
            Failed = failed,
            Stages = touchedLeads.GroupBy(l => l.State).ToDictionary(g => g.Key, g => g.Count()),
        };
    }
}
