using System.Globalization;
using System.Net;
using L2R.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace L2R.Api.Tests;

/// <summary>
/// Rounds of many people deciding on the same MQL at the same instant, half accepting and half rejecting, each with
/// the version they saw: exactly one decision wins each round, every other request is told 409 or 412 (never a 5xx),
/// and the history holds exactly one decision per round. <c>L2R_PROOF_ROUNDS</c> sets the rounds (20 in the test
/// command; <c>scripts/test.sh --long</c> runs 100).
/// </summary>
public abstract class ConcurrencyRoundsTests<TFactory>(TFactory factory, ITestOutputHelper output) : IClassFixture<TFactory>
    where TFactory : L2RApiFactory
{
    private const int Contenders = 50;

    private static int Rounds => int.TryParse(Environment.GetEnvironmentVariable("L2R_PROOF_ROUNDS"), NumberStyles.None, CultureInfo.InvariantCulture, out var rounds) ? rounds : 20;

    [Fact]
    public async Task FiftyConflictingDecisionsOnOneLead_OneWinsEachRound_TheRestAre409Or412_NeverA5xx()
    {
        var team = await Team.CreateAsync(factory);
        await team.ActivateAsync(KnownFunnel.QualifyOnFitAlone);
        var statuses = new Dictionary<HttpStatusCode, int>();

        for (var round = 0; round < Rounds; round++)
        {
            var created = await team.Marketing.CreateLeadAsync(ApiSession.GoodFitLead($"round-{round}-{Guid.NewGuid():N}@example.test"));
            var id = Guid.Parse(created["lead"]!["id"]!.GetValue<string>());
            var version = created["lead"]!["version"]!.GetValue<int>();
            Assert.Equal("MQL", created["lead"]!["state"]!.GetValue<string>());

            using var start = new ManualResetEventSlim();
            var contenders = Enumerable.Range(0, Contenders).Select(i => Task.Run(async () =>
            {
                start.Wait();
                return await team.Sales.FireAsync(id, i % 2 == 0 ? "Accept" : "Reject", i % 2 == 0 ? null : "no-need", ifMatch: $"\"{version}\"");
            })).ToList();
            start.Set();
            var responses = await Task.WhenAll(contenders);

            foreach (var response in responses)
            {
                statuses[response.StatusCode] = statuses.GetValueOrDefault(response.StatusCode) + 1;
            }

            foreach (var failed in responses.Where(r => (int)r.StatusCode >= 500))
            {
                Assert.Fail($"round {round}: {(int)failed.StatusCode} {await failed.Content.ReadAsStringAsync()}");
            }

            var won = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
            Assert.All(responses.Where(r => r != won), r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Conflict, HttpStatusCode.PreconditionFailed }));
            var history = (await team.Admin.GetJsonAsync($"/api/leads/{id}/history"))["transitions"]!.AsArray();
            var decisions = history.Where(h => h!["trigger"]?.GetValue<string>() is "Accept" or "Reject").ToList();
            Assert.Single(decisions);
            var lead = await team.Admin.GetJsonAsync($"/api/leads/{id}");
            Assert.Equal(history[^1]!["to"]!.GetValue<string>(), lead["state"]!.GetValue<string>());
        }

        // Every round's winner moved the lead's count from one column to another, all at once with 49 losers.
        await BoardCountCheck.AssertEqualsGroupByAsync(factory, team.Admin, $"{Rounds} concurrent rounds");
        ProofFigures.Report(output, $"{Rounds} rounds × {Contenders} contenders on {factory.Provider}: " +
            string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{(int)s.Key}: {s.Value}")) + "; 5xx: 0, rounds with other than one winner: 0");
    }
}

public sealed class SqliteConcurrencyRoundsTests(SqliteApiFactory factory, ITestOutputHelper output) : ConcurrencyRoundsTests<SqliteApiFactory>(factory, output);

public sealed class PostgresConcurrencyRoundsTests(PostgresApiFactory factory, ITestOutputHelper output) : ConcurrencyRoundsTests<PostgresApiFactory>(factory, output);
