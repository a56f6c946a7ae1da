using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Tenancy;
using L2R.Domain.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace L2R.Api.Tests.Infrastructure;

/// <summary>The stage entries kept with the history against what the ledger's window query finds in it now.</summary>
public static class StageEntryCheck
{
    /// <summary>Asserts that the tenant's kept entries are exactly the ledger's, row for row; <paramref name="after"/> names the change in the failure message.</summary>
    public static async Task AssertEqualsLedgerAsync(L2RApiFactory factory, Guid tenantId, string after)
    {
        await using var scope = factory.Services.GetRequiredService<ITenantScopes>().Open(tenantId);
        var db = scope.ServiceProvider.GetRequiredService<L2RDbContext>();
        var ledger = await db.StageEntries.FromSqlRaw(StageEntryBackfill.Select).AsNoTracking().ToListAsync();
        var kept = await db.StageEntries.AsNoTracking().ToListAsync();
        Assert.Equal(Describe(ledger), Describe(kept));
        List<string> Describe(IEnumerable<StageEntry> entries) =>
            entries.OrderBy(e => e.Id).Select(e =>
                $"after {after}: {e.Id} lead {e.LeadId} {e.Stage} at {e.EnteredAt:O}/{e.Step} by {e.EnteredBy} owner {e.OwnerId} v{e.AgreementVersion}; " +
                $"created {e.LeadCreatedAt:O}, previous visit {e.PreviousVisitAt:O}, cohort v{e.CohortVersion}, left {e.LeftAt:O} by {e.ExitTrigger}").ToList();
    }
}
