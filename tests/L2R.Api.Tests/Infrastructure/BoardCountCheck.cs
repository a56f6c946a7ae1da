using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Tenancy;
using L2R.Domain.Leads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace L2R.Api.Tests.Infrastructure;

/// <summary>The unfiltered board's counts, which come from the stage counters, against a fresh GROUP BY of the tenant's leads.</summary>
public static class BoardCountCheck
{
    /// <summary>
    /// Asserts that the board and each of its columns over HTTP, and the counters read directly, all equal a fresh count of the leads;
    /// <paramref name="after"/> names the change in the failure message.
    /// </summary>
    public static async Task AssertEqualsGroupByAsync(L2RApiFactory factory, ApiSession session, string after)
    {
        var counted = await InTenantAsync(factory, session.TenantId, async db =>
            await db.Leads.GroupBy(l => l.State).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count));
        var counters = await InTenantAsync(factory, session.TenantId, db => BoardCounts.ReadAsync(db, CancellationToken.None));
        var board = (await session.GetJsonAsync("/api/board"))["columns"]!.AsArray()
            .ToDictionary(c => Enum.Parse<LeadState>(c!["state"]!.GetValue<string>()), c => c!["count"]!.GetValue<int>());

        Assert.True(counted.Keys.All(board.ContainsKey), $"after {after}: a stage with leads has no column");
        Assert.Equal(Describe(counted, board.Keys), Describe(board, board.Keys));
        Assert.Equal(Describe(counted, Enum.GetValues<LeadState>()), Describe(counters, Enum.GetValues<LeadState>()));
        var columns = new Dictionary<LeadState, int>();
        foreach (var stage in board.Keys)
        {
            columns[stage] = (await session.GetJsonAsync($"/api/board/{stage}?take=1"))["count"]!.GetValue<int>();
        }

        Assert.Equal(Describe(counted, board.Keys), Describe(columns, board.Keys));
        string Describe(IReadOnlyDictionary<LeadState, int> counts, IEnumerable<LeadState> stages) =>
            $"after {after}: " + string.Join(", ", stages.Select(s => $"{s} {counts.GetValueOrDefault(s)}"));
    }

    /// <summary>Folds every change of the tenant into its counters, as the scheduled job does; answers how many it folded.</summary>
    public static Task<int> FoldAsync(L2RApiFactory factory, Guid tenantId) =>
        InTenantAsync(factory, tenantId, async db =>
        {
            var total = 0;
            int folded;
            do
            {
                total += folded = await BoardCounts.FoldAsync(db, CancellationToken.None);
            }
            while (folded > 0);

            return total;
        });

    public static Task<int> UnfoldedAsync(L2RApiFactory factory, Guid tenantId) =>
        InTenantAsync(factory, tenantId, db => db.BoardCountChanges.CountAsync());

    private static async Task<T> InTenantAsync<T>(L2RApiFactory factory, Guid tenantId, Func<L2RDbContext, Task<T>> work)
    {
        await using var scope = factory.Services.GetRequiredService<ITenantScopes>().Open(tenantId);
        return await work(scope.ServiceProvider.GetRequiredService<L2RDbContext>());
    }
}
