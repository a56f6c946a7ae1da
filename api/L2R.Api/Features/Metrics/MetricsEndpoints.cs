using L2R.Api.Infrastructure.Auth;
using L2R.Api.Features.Metrics.GetReasons;
using L2R.Api.Features.Metrics.GetTrend;
using L2R.Api.Features.Metrics.GetWaterfall;
using L2R.Api.Features.Metrics.ListDriftAlerts;
using L2R.Api.Features.Metrics.ListWaterfallLeads;
using L2R.Api.Infrastructure.Web;
using L2R.Domain.Leads;
using L2R.Domain.Metrics;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace L2R.Api.Features.Metrics;

public static class MetricsEndpoints
{
    public const string ReadPolicy = "MetricsReader";

    public static void MapMetrics(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/metrics").WithTags("Metrics").RequireAuthorization(ReadPolicy).RequireScope(ApiScopes.MetricsRead)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/waterfall", GetWaterfall).WithName("GetWaterfall").ProducesValidationProblem()
            .WithSummary("The waterfall from the lead history: per stage what entered and what became of each entry (the outcomes add up), rates, velocity and value; cohort or period mode, grouped by source, campaign, owner or agreement version. Accept: text/csv answers one row per group and stage.");
        group.MapGet("/waterfall/leads", ListWaterfallLeads).WithName("ListWaterfallLeads").ProducesValidationProblem()
            .WithSummary("The entries behind one number of the waterfall (same filters, plus stage, outcome and the group's key): one row per entry, so the total equals the number. Accept: text/csv answers the page.");
        group.MapGet("/reasons", GetReasons).WithName("GetReasons").ProducesValidationProblem()
            .WithSummary("Why entries were rejected, recycled, lost or disqualified: by reason, by the agreement clause each disputes, by source and campaign, with the reps' notes; counted as the waterfall counts. Accept: text/csv answers one row per reason.");
        group.MapGet("/trend", GetTrend).WithName("GetTrend").ProducesValidationProblem()
            .WithSummary("The waterfall per week or month (UTC) over the period, in cohort or period mode. Accept: text/csv answers one row per bucket and stage.");
        group.MapGet("/alerts", ListDriftAlerts).WithName("ListDriftAlerts")
            .WithSummary("Open drift alerts of the live agreement version (MQL acceptance below its floor, reject rate above its ceiling), with the reading now: what the banner shows. Accept: text/csv answers one row per alert.");
    }

    private static async Task<Results<Ok<WaterfallDto>, CsvResult<WaterfallCsvRow>>> GetWaterfall(
        [AsParameters] MetricsParameters filter, IMediator mediator, HttpRequest request, CancellationToken ct, MetricsGrouping? groupBy = null) =>
        request.JsonOrCsv(
            await mediator.Send(new GetWaterfallQuery(filter, groupBy), ct),
            w => w.Groups.SelectMany(g => g.Stages.Select(s => new WaterfallCsvRow(g.Key, g.Label, s))),
            "waterfall.csv");

    private static async Task<Results<Ok<WaterfallLeadPageDto>, CsvResult<WaterfallLeadDto>>> ListWaterfallLeads(
        [AsParameters] MetricsParameters filter, LeadState stage, WaterfallCount outcome, IMediator mediator, HttpRequest request, CancellationToken ct,
        MetricsGrouping? groupBy = null, string? group = null, int page = 1, int pageSize = 50) =>
        request.JsonOrCsv(
            await mediator.Send(new ListWaterfallLeadsQuery(filter, stage, outcome, groupBy, group, page, pageSize), ct),
            p => p.Items,
            "waterfall-leads.csv");

    private static async Task<Results<Ok<ReasonsReportDto>, CsvResult<ReasonCsvRow>>> GetReasons(
        [AsParameters] MetricsParameters filter, IMediator mediator, HttpRequest request, CancellationToken ct, LeadState? stage = null, LeadTrigger? trigger = null) =>
        request.JsonOrCsv(
            await mediator.Send(new GetReasonsQuery(filter, stage, trigger), ct),
            r => r.Reasons.Select(ReasonCsvRow.From),
            "reasons.csv");

    private static async Task<Results<Ok<TrendDto>, CsvResult<TrendCsvRow>>> GetTrend(
        [AsParameters] MetricsParameters filter, IMediator mediator, HttpRequest request, CancellationToken ct, TrendBucket bucket = TrendBucket.Month) =>
        request.JsonOrCsv(
            await mediator.Send(new GetTrendQuery(filter, bucket), ct),
            t => t.Buckets.SelectMany(b => b.Stages.Select(s => new TrendCsvRow(b.Start, b.End, s))),
            "trend.csv");

    private static async Task<Results<Ok<IReadOnlyList<DriftAlertDto>>, CsvResult<DriftAlertCsvRow>>> ListDriftAlerts(
        IMediator mediator, HttpRequest request, CancellationToken ct) =>
        request.JsonOrCsv(
            await mediator.Send(new ListDriftAlertsQuery(), ct),
            alerts => alerts.Select(DriftAlertCsvRow.From),
            "drift-alerts.csv");
}

/// <summary>A waterfall as CSV: one row per group and stage.</summary>
public sealed record WaterfallCsvRow(string Key, string Label, StageFiguresDto Figures);

/// <summary>A trend as CSV: one row per bucket and stage.</summary>
public sealed record TrendCsvRow(DateTime Start, DateTime End, StageFiguresDto Figures);

/// <summary>The reasons table as CSV, with the disputed clause spelt out in columns.</summary>
public sealed record ReasonCsvRow(LeadTrigger Trigger, string Code, string Label, string? ClauseId, string? Clause, int Count, double Share)
{
    public static ReasonCsvRow From(ReasonFigureDto r) => new(r.Trigger, r.Code, r.Label, r.Disputes?.Id, r.Disputes?.Description, r.Count, r.Share);
}

/// <summary>An alert as CSV, with its current reading in the columns after the recorded crossing.</summary>
public sealed record DriftAlertCsvRow(
    Guid Id, DriftMeasure Measure, int AgreementVersion, int Episode, double Threshold, double ValueAtStart, DateTime StartedAt,
    double? Value, int Accepted, int Rejected, int MinimumSample, DateTime WindowFrom, DateTime WindowTo)
{
    public static DriftAlertCsvRow From(DriftAlertDto a) => new(
        a.Id, a.Measure, a.AgreementVersion, a.Episode, a.Threshold, a.ValueAtStart, a.StartedAt,
        a.Current.Value, a.Current.Accepted, a.Current.Rejected, a.Current.MinimumSample, a.Current.WindowFrom, a.Current.WindowTo);
}
