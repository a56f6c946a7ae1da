using L2R.Api.Infrastructure.Data;
using L2R.Domain.Leads;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Imports.RunImport;

/// <summary>What the leads and the activities batches share.</summary>
internal static class ImportBatches
{
    /// <summary>The tenant's leads with the batch's emails: tracked when the run writes, untracked for a dry run, which only looks.</summary>
    public static async Task<Dictionary<string, Lead>> LeadsByEmailAsync(this L2RDbContext db, IReadOnlyList<ImportRow> rows, bool write, CancellationToken ct)
    {
        var wanted = rows.Where(r => r.Email is not null).Select(r => r.Email!).Distinct().ToList();
        var query = db.Leads.Where(l => l.NormalizedEmail != null && wanted.Contains(l.NormalizedEmail));
        return await (write ? query : query.AsNoTracking()).ToDictionaryAsync(l => l.NormalizedEmail!, ct);
    }

    /// <summary>Reports a row the pass could not take, in the dry run as in the run: the errors CSV is the same for both.</summary>
    public static void Refuse(this L2RDbContext db, ImportRun run, ImportRow row) =>
        db.ImportRowErrors.Add(new ImportRowError { ImportRunId = run.Id, Line = row.Line, Column = row.ErrorColumn, Message = row.Error!, Raw = row.Raw });
}
