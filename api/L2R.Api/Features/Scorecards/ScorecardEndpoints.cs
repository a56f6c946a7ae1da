using L2R.Api.Features.Metrics;
using L2R.Api.Features.Scorecards.GetScorecard;
using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace L2R.Api.Features.Scorecards;

public static class ScorecardEndpoints
{
    public static void MapScorecard(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/scorecard", GetScorecard).WithTags("Metrics").WithName("GetScorecard")
            .RequireAuthorization(MetricsEndpoints.ReadPolicy).RequireScope(ApiScopes.MetricsRead)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesValidationProblem()
            .WithSummary("The shared goals of the active agreement (the scorecard both teams signed) against their targets, over the period and per week or month (UTC), counted as the period-mode waterfall and the SLA section count. Filters as on the metrics; mode is always period. Accept: text/csv answers one row per goal and bucket.");
    }

    private static async Task<Results<Ok<ScorecardDto>, CsvResult<ScorecardCsvRow>>> GetScorecard(
        [AsParameters] MetricsParameters filter, IMediator mediator, HttpRequest request, CancellationToken ct, TrendBucket bucket = TrendBucket.Week) =>
        request.JsonOrCsv(
            await mediator.Send(new GetScorecardQuery(filter, bucket), ct),
            s => s.Goals.SelectMany(g => g.Points.Select(p => new ScorecardCsvRow(g.Id, g.Description, g.Target, p.From, p.To, p.Value, p.Sample, p.Met))),
            "scorecard.csv");
}

/// <summary>A scorecard as CSV: one row per goal and bucket.</summary>
public sealed record ScorecardCsvRow(string GoalId, string Goal, double Target, DateTime From, DateTime To, double? Value, int Sample, bool? Met);
