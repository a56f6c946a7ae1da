using System.Text.Json;
using CsCheck;
using L2R.Api.Features.Metrics;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Tenancy;
using L2R.Api.Tests.Infrastructure;
using L2R.Domain.Leads;
using L2R.Domain.Metrics;
using L2R.Domain.Tests;
using Microsoft.Extensions.DependencyInjection;

namespace L2R.Api.Tests;

/// <summary>
/// The ledger against the plain reference on random histories: recycled leads, moves in the same instant, entries that
/// straddle the period's edges. Each history is written straight into a new tenant (its stage entries kept by the
/// saves, and held to the ledger's window query), then the waterfall the API answers must equal the domain's
/// arithmetic on the reference's cells, number for number, in both modes.
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
    /// The walks' leads and history rows, as the mover would have written them, under ids of their own: in two saves, each
    /// lead's rows split between them in one of three ways, so the second save derives entries the first one stored.
    /// </summary>
    private async Task WriteAsync(Guid tenantId, LeadWalk[] walks)
    {
        await using var scope = factory.Services.GetRequiredService<ITenantScopes>().Open(tenantId);
        var db = scope.ServiceProvider.GetRequiredService<L2RDbContext>();
        var later = new List<(Lead Lead, List<LeadTransition> Rows)>();
        for (var i = 0; i < walks.Length; i++)
        {
            var history = LedgerReference.History(walks[i], i);
            var lead = new Lead { LastName = $"Walk {i}", Amount = 1000m * (i + 1), CreatedAt = history[0].OccurredAt };
            db.Leads.Add(lead);
            foreach (var row in history)
            {
                row.LeadId = lead.Id;
                row.Kind = row.From is null ? HistoryEntryKind.Created : HistoryEntryKind.Moved;
            }

            var first = (i % 3) switch
            {
                0 => history.Count,
                1 => Math.Max(1, history.Count / 2),
                _ => 1,
            };
            db.LeadTransitions.AddRange(history.Take(first));
            lead.UpdatedAt = history[first - 1].OccurredAt;
            later.Add((lead, history.Skip(first).ToList()));
        }

        await db.SaveChangesAsync();
        foreach (var (lead, rows) in later.Where(l => l.Rows.Count > 0))
        {
            db.LeadTransitions.AddRange(rows);
            lead.UpdatedAt = rows[^1].OccurredAt;
            db.Entry(lead).Property(l => l.UpdatedAt).IsModified = true;
        }

        await db.SaveChangesAsync();
        await StageEntryCheck.AssertEqualsLedgerAsync(factory, tenantId, "writing random histories in two saves");
    }

    private sealed class Tolerance : IEqualityComparer<double?>
    {
        public bool Equals(double? x, double? y) => x is null ? y is null : y is not null && Math.Abs(x.Value - y.Value) < 1e-6;

        public int GetHashCode(double? obj) => 0;
    }
}

public sealed class SqliteLedgerQueryTests(SqliteApiFactory factory) : LedgerQueryTests<SqliteApiFactory>(factory);

public sealed class PostgresLedgerQueryTests(PostgresApiFactory factory) : LedgerQueryTests<PostgresApiFactory>(factory);
