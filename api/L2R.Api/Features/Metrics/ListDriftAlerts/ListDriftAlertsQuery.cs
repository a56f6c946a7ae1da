using System.ComponentModel;
using L2R.Api.Infrastructure.Web;
using L2R.Api.Features.Agreements;
using L2R.Api.Infrastructure.Data;
using L2R.Domain.Metrics;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Metrics.ListDriftAlerts;

public sealed record ListDriftAlertsQuery : IQuery<IReadOnlyList<DriftAlertDto>>;

[Description("An open drift alert of the live agreement version: the crossing as recorded once, and the alarm as it reads now. Link the banner to the reasons report for the window (period mode, from windowFrom to windowTo).")]
[WrittenInFull]
public sealed record DriftAlertDto(
    Guid Id,
    DriftMeasure Measure,
    int AgreementVersion,
    [property: Description("The episode's number for this version and measure.")]
    int Episode,
    [property: Description("The floor (acceptance) or ceiling (reject rate) crossed.")]
    double Threshold,
    [property: Description("The measure when the crossing was recorded.")]
    double ValueAtStart,
    DateTime StartedAt,
    [property: Description("The alarm read now, over its rolling window.")]
    DriftReadingDto Current);

/// <summary>What the banner shows: the live version's open alerts with their current reading; older versions' alerts end at the next check.</summary>
public sealed class ListDriftAlertsHandler(L2RDbContext db, AgreementStore agreements, DriftWatch watch) : IQueryHandler<ListDriftAlertsQuery, IReadOnlyList<DriftAlertDto>>
{
    public async ValueTask<IReadOnlyList<DriftAlertDto>> Handle(ListDriftAlertsQuery query, CancellationToken ct)
    {
        var active = await agreements.GetActiveAsync(ct);
        var alerts = await db.DriftAlerts.AsNoTracking()
            .Where(a => a.EndedAt == null && a.AgreementVersion == active.Version)
            .OrderBy(a => a.StartedAt)
            .ToListAsync(ct);
        if (alerts.Count == 0)
        {
            return [];
        }

        var window = await watch.WindowAsync(active.Agreement.Drift, active.Version, ct);
        var readings = DriftCheck.Read(active.Agreement.Drift, window.Accepted, window.Rejected);
        return alerts
            .Where(a => readings.Any(r => r.Measure == a.Measure))
            .Select(a => new DriftAlertDto(a.Id, a.Measure, a.AgreementVersion, a.Episode, a.Threshold, a.Value, a.StartedAt,
                DriftReadingDto.From(readings.Single(r => r.Measure == a.Measure), window)))
            .ToList();
    }
}
