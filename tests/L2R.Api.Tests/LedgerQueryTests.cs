using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using L2R.Api.Features.Metrics;
using L2R.Api.Features.Metrics.GetTrend;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Tenancy;
using L2R.Api.Tests.Infrastructure;
using L2R.Domain.Leads;
using L2R.Domain.Metrics;
using L2R.Domain.Tests;
using Microsoft.Extensions.DependencyInjection;

namespace L2R.Api.Tests;

/// <summary>
/// The ledger query against the plain reference on random histories: recycled leads, moves in the same instant, entries
/// that straddle the period's edges. Each history is written straight into a new tenant, then the waterfall the API
/// answers must equal the domain's arithmetic on the reference's cells, number for number, in both modes.
/// </summary>
public abstract class LedgerQueryTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : L2RApiFactory
{
    private static readonly string[] Counts = ["opening", "entered", "distinctLeads", "advanced", "rejected", "recycled", "disqualified", "lost", "won", "stillIn"];
    private static readonly string[] Figures = ["conversionRate", "acceptanceRate", "rejectRate", "winRate", "medianDaysInStage", "p90DaysInStage", "pipelineAmount", "wonAmount"];

    [Fact]
    public Task TheWaterfall_OfRandomHistories_EqualsTheReferenceCountNumberForNumber() =>
        Gen.Select(LedgerReference.Histories, LedgerReference.Boundaries).SampleAsync(
            async (walks, boundaries) =>
            {
                var admin = await ApiSession.SignUpAsync(factory);
                await WriteAsync(admin.TenantId, walks);
                var window = new[] { boundaries[0], boundaries[^1] };
                var entries = LedgerReference.Entries(walks);
                foreach (var mode in Enum.GetValues<WaterfallMode>())
                {
                    var expected = Waterfall.Stages(mode, 0, LedgerReference.Cells(entries, mode, window));
                    var answer = await admin.GetJsonAsync($"/api/metrics/waterfall?mode={mode}&from={KnownFunnel.Iso(window[0])}&to={KnownFunnel.Iso(window[1])}");
                    var stages = answer["groups"]![0]!["stages"]!.AsArray();
                    foreach (var (want, got) in expected.Zip(stages))
                    {
                        var expectedJson = JsonSerializer.SerializeToNode(StageFiguresDto.From(want), ApiSession.Json)!;
                        foreach (var name in Counts)
                        {
                            Assert.True(expectedJson[name]!.GetValue<int>() == got![name]!.GetValue<int>(), $"{mode} {want.Stage} {name}: reference {expectedJson[name]}, API {got[name]}");
                        }

                        foreach (var name in Figures)
                        {
                            Assert.Equal(expectedJson[name]?.GetValue<double>(), got![name]?.GetValue<double>() is { } value ? Math.Round(value, 9) : null, new Tolerance());
                        }
                    }
                }
            },
            iter: 6,
            threads: 1);

    /// <summary>
    /// The product's waterfall (indexed aggregates over the facts each history row carries) against the oracle, the
    /// ledger paired by window functions as it was computed before, on random histories whose entries have owners,
    /// agreement versions that grow over time and leads with sources, some of them merged (two histories interleaved
    /// on one lead): both modes, every grouping the facts serve, and the weekly trend's buckets.
    /// </summary>
    [Fact]
    public Task TheWaterfall_OfRandomHistories_EqualsTheWindowLedgerInEveryModeGroupingAndBucket() =>
        Gen.Select(LedgerReference.Histories, LedgerReference.Boundaries).SampleAsync(
            async (walks, boundaries) =>
            {
                var admin = await ApiSession.SignUpAsync(factory);
                await WriteAsync(admin.TenantId, walks, decorated: true);
                var (from, to) = (boundaries[0], boundaries[^1]);
                await using var scope = factory.Services.GetRequiredService<ITenantScopes>().Open(admin.TenantId);
                var db = scope.ServiceProvider.GetRequiredService<L2RDbContext>();
                foreach (var mode in Enum.GetValues<WaterfallMode>())
                {
                    var window = new MetricsScope(from, to, mode, null, null, null, null);
                    foreach (var groupBy in new MetricsGrouping?[] { null, MetricsGrouping.Owner, MetricsGrouping.AgreementVersion, MetricsGrouping.Source })
                    {
                        // The window ledger also lists, with nothing in it, a group of a merged lead whose absorbed lead was created in the
                        // period but which itself was created before: a cohort is the leads whose first row lies in the period.
                        var expected = Waterfall.Compute(mode, 0, await WindowLedger.CellsAsync(WindowLedger.Entries(db, window, [from, to], groupBy), groupBy, default))
                            .Where(g => g.Stages.Any(f => f.Opening + f.Entered + f.Left + f.StillIn > 0))
                            .ToList();
                        if (groupBy is null && expected.Count == 0)
                        {
                            expected = [new WaterfallGroup("all", Waterfall.Stages(mode, 0, []))];
                        }

                        var answer = await admin.GetJsonAsync($"/api/metrics/waterfall?mode={mode}&from={KnownFunnel.Iso(from)}&to={KnownFunnel.Iso(to)}{(groupBy is { } g ? $"&groupBy={g}" : "")}");
                        var groups = answer["groups"]!.AsArray();
                        Assert.True(expected.Select(e => e.Key).SequenceEqual(groups.Select(group => group!["key"]!.GetValue<string>())), $"{mode} by {groupBy}: {answer.ToJsonString()} DIRECT {System.Text.Json.JsonSerializer.Serialize(await Ledger.CellsAsync(db, window, [from, to], groupBy, default))}");
                        foreach (var (want, got) in expected.Zip(groups))
                        {
                            AssertStages($"{mode} by {groupBy} {want.Key}", want.Stages, got!["stages"]!.AsArray());
                        }
                    }

                    var weeks = GetTrendHandler.Boundaries(TrendBucket.Week, from, to);
                    var cells = await WindowLedger.CellsAsync(WindowLedger.Entries(db, window with { From = weeks[0], To = weeks[^1] }, weeks, null), null, default);
                    var points = (await admin.GetJsonAsync($"/api/metrics/trend?bucket=Week&mode={mode}&from={KnownFunnel.Iso(from)}&to={KnownFunnel.Iso(to)}"))["buckets"]!.AsArray();
                    Assert.Equal(weeks.Count - 1, points.Count);
                    for (var week = 0; week < points.Count; week++)
                    {
                        AssertStages($"{mode} week {week}", Waterfall.Stages(mode, week, cells), points[week]!["stages"]!.AsArray());
                    }
                }
            },
            iter: 5,
            threads: 1);

    private static void AssertStages(string what, IReadOnlyList<StageFigures> expected, JsonArray stages)
    {
        Assert.Equal(expected.Count, stages.Count);
        foreach (var (want, got) in expected.Zip(stages))
        {
            var expectedJson = JsonSerializer.SerializeToNode(StageFiguresDto.From(want), ApiSession.Json)!;
            foreach (var name in Counts)
            {
                Assert.True(expectedJson[name]!.GetValue<int>() == got![name]!.GetValue<int>(), $"{what} {want.Stage} {name}: window ledger {expectedJson[name]}, API {got[name]}");
            }

            foreach (var name in Figures)
            {
                Assert.True(
                    new Tolerance().Equals(expectedJson[name]?.GetValue<double>(), got![name]?.GetValue<double>()),
                    $"{what} {want.Stage} {name}: window ledger {expectedJson[name]}, API {got[name]}");
            }
        }
    }

    /// <summary>
    /// The walks' leads and history rows, with the facts the mover derives from each lead's history, under ids of their
    /// own. Decorated: each entry gets an owner (or none) and the version of its time, each lead a source, and every
    /// fifth walk is merged into the walk before it, its rows interleaved with that lead's, as a merge leaves them.
    /// </summary>
    private async Task WriteAsync(Guid tenantId, LeadWalk[] walks, bool decorated = false)
    {
        await using var scope = factory.Services.GetRequiredService<ITenantScopes>().Open(tenantId);
        var db = scope.ServiceProvider.GetRequiredService<L2RDbContext>();
        Guid?[] owners = [null, Guid.NewGuid(), Guid.NewGuid()];
        string?[] sources = ["web", "event", null];
        var leads = new List<(Lead Lead, List<LeadTransition> History)>();
        for (var i = 0; i < walks.Length; i++)
        {
            var history = LedgerReference.History(walks[i], i);
            if (decorated && i % 5 == 4 && leads.Count > 0)
            {
                leads[^1].History.AddRange(history);
                continue;
            }

            var lead = new Lead { LastName = $"Walk {i}", Amount = 1000m * (i + 1), CreatedAt = history[0].OccurredAt, UpdatedAt = history[^1].OccurredAt, Source = decorated ? sources[i % 3] : null };
            db.Leads.Add(lead);
            leads.Add((lead, history));
        }

        foreach (var (lead, history) in leads)
        {
            for (var n = 0; n < history.Count; n++)
            {
                var row = history[n];
                row.LeadId = lead.Id;
                row.Kind = row.From is null ? HistoryEntryKind.Created : HistoryEntryKind.Moved;
                if (decorated)
                {
                    row.OwnerId = owners[(n + lead.LastName!.Length) % owners.Length];
                    row.AgreementVersion = 1 + (int)((row.OccurredAt - LedgerReference.Origin).TotalDays / 70);
                }
            }

            StageEntryFacts.Stamp(history);
            db.LeadTransitions.AddRange(history);
        }

        await db.SaveChangesAsync();
    }

    private sealed class Tolerance : IEqualityComparer<double?>
    {
        public bool Equals(double? x, double? y) => x is null ? y is null : y is not null && Math.Abs(x.Value - y.Value) < 1e-6;

        public int GetHashCode(double? obj) => 0;
    }
}

public sealed class SqliteLedgerQueryTests(SqliteApiFactory factory) : LedgerQueryTests<SqliteApiFactory>(factory);

public sealed class PostgresLedgerQueryTests(PostgresApiFactory factory) : LedgerQueryTests<PostgresApiFactory>(factory);
