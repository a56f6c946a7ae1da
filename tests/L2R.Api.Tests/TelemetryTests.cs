using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json.Nodes;
using L2R.Api.Infrastructure.Telemetry;
using L2R.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace L2R.Api.Tests;

/// <summary>L2R's meters count what happened through the real endpoints, and a problem's traceId is the request's W3C trace id.</summary>
public abstract class TelemetryTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : L2RApiFactory
{
    [Fact]
    public async Task Moves_AreCountedWhenTheyCommit_ByTriggerAndOutcome_AndRefusalsByWhatTheyAnswered()
    {
        var team = await Team.CreateAsync(factory);
        using var recorded = new Recorded(factory.Services.GetRequiredService<IMeterFactory>());

        var created = await team.Marketing.CreateLeadAsync(ApiSession.GoodFitLead());
        var id = Guid.Parse(created["lead"]!["id"]!.GetValue<string>());
        Assert.Equal("Scored", created["lead"]!["state"]!.GetValue<string>());
        var qualify = await team.Marketing.FireAsync(id, "Qualify");
        var convert = await team.Sales.FireAsync(id, "Convert");

        await ApiSession.ProblemAsync(qualify, HttpStatusCode.UnprocessableEntity);
        await ApiSession.ProblemAsync(convert, HttpStatusCode.Conflict);
        var history = (await team.Marketing.GetJsonAsync($"/api/leads/{id}/history"))["transitions"]!.AsArray();
        var moved = recorded.Transitions.Where(t => t.Outcome == "moved").Select(t => t.Trigger).ToList();
        Assert.Equal(history.Select(h => h!["trigger"]?.GetValue<string>() ?? "Create").Order(), moved.Order());
        Assert.Contains("Create", moved);
        Assert.Contains(("Convert", "conflict"), recorded.Transitions);
        Assert.Contains(("Qualify", "refused"), recorded.Transitions);
        Assert.NotEmpty(recorded.GuardMilliseconds);
        Assert.All(recorded.GuardMilliseconds, ms => Assert.True(ms >= 0));
    }

    [Fact]
    public async Task AProblemsTraceId_IsTheTraceIdTheRequestCameWith()
    {
        var team = await Team.CreateAsync(factory);
        const string traceId = "4bf92f3577b34da6a3ce929d0e0e4736";

        var missing = new HttpRequestMessage(HttpMethod.Get, $"/api/leads/{Guid.NewGuid()}");
        missing.Headers.Add("traceparent", $"00-{traceId}-00f067aa0ba902b7-01");
        var invalid = new HttpRequestMessage(HttpMethod.Post, "/api/leads") { Content = JsonContent.Create(new { email = "ada@example.test", companySize = "lots" }) };
        invalid.Headers.Add("traceparent", $"00-{traceId}-00f067aa0ba902b8-01");

        var notFound = await ApiSession.ProblemAsync(await team.Marketing.Http.SendAsync(missing), HttpStatusCode.NotFound);
        var badRequest = await ApiSession.ProblemAsync(await team.Marketing.Http.SendAsync(invalid), HttpStatusCode.BadRequest);

        Assert.Equal(traceId, notFound["traceId"]!.GetValue<string>());
        Assert.Equal(traceId, badRequest["traceId"]!.GetValue<string>());
    }

    [Fact]
    public async Task WithAzureMonitorConfigured_TheApiAnswers_AndAProblemStillCarriesTheRequestsTraceId()
    {
        const string traceId = "0af7651916cd43dd8448eb211c80319c";
        using var exporting = factory.WithWebHostBuilder(builder => builder.UseSetting(
            TelemetryRegistration.AzureMonitorVariable, "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/"));
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/leads");
        request.Headers.Add("traceparent", $"00-{traceId}-b7ad6b7169203331-01");

        var problem = await ApiSession.ProblemAsync(await exporting.CreateClient().SendAsync(request), HttpStatusCode.Unauthorized);

        Assert.Equal(traceId, problem["traceId"]!.GetValue<string>());
    }

    /// <summary>The measurements of this test host's meters only: other hosts in the same process have meters of their own.</summary>
    private sealed class Recorded : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentQueue<(string Trigger, string Outcome)> _transitions = new();
        private readonly ConcurrentQueue<double> _guard = new();

        public Recorded(IMeterFactory host)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == L2RMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, host))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            {
                if (instrument.Name == "l2r.transitions")
                {
                    var tagged = tags.ToArray().ToDictionary(t => t.Key, t => t.Value as string);
                    for (var i = 0; i < value; i++)
                    {
                        _transitions.Enqueue((tagged["trigger"]!, tagged["outcome"]!));
                    }
                }
            });
            _listener.SetMeasurementEventCallback<double>((instrument, value, _, _) =>
            {
                if (instrument.Name == "l2r.guard.duration")
                {
                    _guard.Enqueue(value);
                }
            });
            _listener.Start();
        }

        public IReadOnlyList<(string Trigger, string Outcome)> Transitions => [.. _transitions];

        public IReadOnlyList<double> GuardMilliseconds => [.. _guard];

        public void Dispose() => _listener.Dispose();
    }
}

public sealed class SqliteTelemetryTests(SqliteApiFactory factory) : TelemetryTests<SqliteApiFactory>(factory);

public sealed class PostgresTelemetryTests(PostgresApiFactory factory) : TelemetryTests<PostgresApiFactory>(factory);
