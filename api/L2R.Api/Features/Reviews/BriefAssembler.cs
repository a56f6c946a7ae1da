using System.Globalization;
using System.Text.Json;
using L2R.Api.Features.Agreements;
using L2R.Api.Features.Calendars;
using L2R.Api.Features.Intel;
using L2R.Api.Features.Leads;
using L2R.Api.Features.Metrics;
using L2R.Api.Features.Scorecards;
using L2R.Api.Features.Slas.GetSlaMetrics;
using L2R.Api.Infrastructure.Data;
using L2R.Domain.Agreements;
using L2R.Domain.Intel;
using L2R.Domain.Leads;
using L2R.Domain.Metrics;
using L2R.Domain.Reviews;
using L2R.Domain.Slas;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Reviews;

/// <summary>
/// Assembles a review's one-page brief and freezes it as a new version: the period since the last review against the
/// period of the same length before it, from the metrics' own ledger (period mode) and the SLA report's tallies, with
/// only the changes <see cref="BriefComparison"/> lets through; then what became of the last review's actions and
/// whether its agreement changes moved what they aimed at; the competitors and pains reps heard more often (field
/// intelligence, through the same thresholds) and every goal of the shared scorecard against its target.
/// </summary>
public sealed class BriefAssembler(L2RDbContext db, AgreementStore agreements, CalendarStore calendars, ReviewSchedule schedule)
{
    private const int LeadsPerItem = 20;
    private static readonly string[] ReasonTriggers = [nameof(LeadTrigger.Reject), nameof(LeadTrigger.Recycle), nameof(LeadTrigger.Lose), nameof(LeadTrigger.Disqualify)];

    public async Task<ReviewBrief> GenerateAsync(Review review, ReviewSettings settings, DateTime now, Guid? by, CancellationToken ct)
    {
        var from = await schedule.PeriodStartAsync(review, settings, now, ct);
        var previousFrom = from - (now - from);
        var periods = new Periods(previousFrom, from, now);
        var thresholds = settings.Thresholds;
        var entries = await EntriesAsync(periods, ct);
        var previous = await schedule.PreviousAsync(review, ct);
        var content = new ReviewBriefContent(from, now, previousFrom, thresholds.ChangePercent, thresholds.MinimumSample,
        [
            new("waterfall", "What changed in the waterfall", WaterfallChanges(entries, periods, thresholds)),
            new("acceptance", "MQL acceptance", AcceptanceChanges(entries, periods, thresholds)),
            .. await ReasonsAsync(entries, periods, thresholds, ct),
            new("sla", "SLA compliance", await SlaAsync(periods, thresholds, ct)),
            new("sources", "Sources that improved or slipped", SourceChanges(entries, periods, thresholds)),
            new("intel", "Competitors and pains that rose", await IntelRisesAsync(periods, thresholds, ct)),
            new("scorecard", "Scorecard", await ScorecardAsync(periods, ct)),
            new("actions", "Actions from last time", previous is null ? [] : await ActionsAsync(previous, ct)),
            new("decisions", "Did last time's changes work?", previous is null ? [] : await DecisionsAsync(previous, now, thresholds, ct)),
        ]);
        var version = (await db.ReviewBriefs.Where(b => b.ReviewId == review.Id).MaxAsync(b => (int?)b.Version, ct) ?? 0) + 1;
        var brief = new ReviewBrief { ReviewId = review.Id, Version = version, GeneratedAt = now, GeneratedBy = by, Content = JsonSerializer.Serialize(content, AgreementJson.Options) };
        db.ReviewBriefs.Add(brief);
        await db.SaveChangesAsync(ct);
        return brief;
    }

    /// <summary>Bucket 0 is [<see cref="Before"/>, <see cref="From"/>), bucket 1 is [<see cref="From"/>, <see cref="To"/>).</summary>
    private sealed record Periods(DateTime Before, DateTime From, DateTime To)
    {
        public string MetricsUrl(string? extra = null) =>
            $"/metrics?mode=Period&from={Uri.EscapeDataString(Iso(From))}&to={Uri.EscapeDataString(Iso(To))}{extra}";
    }

    private Task<List<LedgerEntry>> EntriesAsync(Periods periods, CancellationToken ct) =>
        Ledger.Entries(db, new MetricsScope(periods.Before, periods.To, WaterfallMode.Period, null, null, null, null), [periods.Before, periods.From, periods.To], null, LedgerDetail.ExitDetails | LedgerDetail.LeadSlices)
            .ToListAsync(ct);

    private static List<LedgerCell> Cells(IEnumerable<LedgerEntry> entries) =>
        entries.GroupBy(e => (e.Stage, e.EnteredIn, e.LeftIn, e.ExitTrigger, e.Hours, FirstVisit: e.Visit == 1))
            .Select(g => new LedgerCell("all", Enum.Parse<LeadState>(g.Key.Stage), g.Key.EnteredIn, g.Key.LeftIn,
                g.Key.ExitTrigger is null ? null : Enum.Parse<LeadTrigger>(g.Key.ExitTrigger), g.Key.Hours, g.Key.FirstVisit, g.Count(), 0))
            .ToList();

    private static (StageFigures Before, StageFigures After) Figures(List<LedgerCell> cells, LeadState stage)
    {
        var ofStage = cells.Where(c => c.Stage == stage).ToList();
        return (Waterfall.Figures(WaterfallMode.Period, 0, stage, ofStage), Waterfall.Figures(WaterfallMode.Period, 1, stage, ofStage));
    }

    private static PeriodFigure Acceptance(StageFigures f) => PeriodFigure.Rate(f.Advanced, f.Advanced + f.Rejected);

    private static PeriodFigure Conversion(StageFigures f) => PeriodFigure.Rate(f.Stage == LeadState.Opportunity ? f.Won : f.Advanced, f.Opening + f.Entered);

    private static List<BriefItemDto> WaterfallChanges(List<LedgerEntry> entries, Periods periods, BriefThresholds thresholds)
    {
        var cells = Cells(entries);
        var items = new List<BriefItemDto>();
        foreach (var stage in WaterfallStages.Rows)
        {
            var (before, after) = Figures(cells, stage);
            var entered = Item(PeriodFigure.Count(before.Entered), PeriodFigure.Count(after.Entered), thresholds, periods.MetricsUrl(),
                Leads(entries.Where(e => e.Stage == stage.ToString() && e.EnteredIn == 1)),
                c => $"{stage}: {after.Entered} entries, {Change(c)} from {before.Entered}");
            var conversion = stage is LeadState.Raw or LeadState.Scored ? null : Item(Conversion(before), Conversion(after), thresholds, periods.MetricsUrl(),
                Leads(entries.Where(e => e.Stage == stage.ToString() && e.LeftIn == 1)),
                c => $"{stage} conversion {Verb(c)} to {Percent(c.After)} of {Conversion(after).Sample}, from {Percent(c.Before)} of {Conversion(before).Sample}");
            items.AddRange(new[] { entered, conversion }.OfType<BriefItemDto>());
        }

        return items;
    }

    private static List<BriefItemDto> AcceptanceChanges(List<LedgerEntry> entries, Periods periods, BriefThresholds thresholds)
    {
        var (before, after) = Figures(Cells(entries), LeadState.MQL);
        var item = Item(Acceptance(before), Acceptance(after), thresholds, periods.MetricsUrl(),
            c => Leads(entries.Where(e => e.Stage == nameof(LeadState.MQL) && e.LeftIn == 1 && e.ExitTrigger == (c.Direction == ChangeDirection.Fell ? nameof(LeadTrigger.Reject) : nameof(LeadTrigger.Accept)))),
            c => $"Sales accepted {Percent(c.After)} of {Acceptance(after).Sample} MQL decisions, {Verb(c)} from {Percent(c.Before)} of {Acceptance(before).Sample}");
        return item is null ? [] : [item];
    }

    private async Task<List<BriefSectionDto>> ReasonsAsync(List<LedgerEntry> entries, Periods periods, BriefThresholds thresholds, CancellationToken ct)
    {
        var moves = entries.Where(e => e.LeftIn is 0 or 1 && e.ExitTrigger is { } t && ReasonTriggers.Contains(t)).ToList();
        var versions = await agreements.GetVersionsAsync(moves.Select(m => m.ExitVersion ?? 0), ct);
        string Label(LeadTrigger trigger, string code) =>
            versions.OrderByDescending(v => v.Key).Select(v => v.Value.ReasonsFor(trigger).FirstOrDefault(r => r.Code == code)?.Label).FirstOrDefault(l => l is not null) ?? code;
        AgreementClause? Disputed(LedgerEntry e) => versions.GetValueOrDefault(e.ExitVersion ?? 0)?.ClauseDisputedBy(Enum.Parse<LeadTrigger>(e.ExitTrigger!), e.ExitReasonCode);

        var reasons = new List<BriefItemDto>();
        foreach (var reason in moves.GroupBy(m => (Trigger: Enum.Parse<LeadTrigger>(m.ExitTrigger!), Code: m.ExitReasonCode ?? "")).OrderBy(g => g.Key.Trigger).ThenBy(g => g.Key.Code, StringComparer.Ordinal))
        {
            var before = reason.Count(m => m.LeftIn == 0);
            var after = reason.Count(m => m.LeftIn == 1);
            var item = Item(PeriodFigure.Count(before), PeriodFigure.Count(after), thresholds, periods.MetricsUrl($"&trigger={reason.Key.Trigger}"),
                Leads(reason.Where(m => m.LeftIn == 1)),
                c => $"{reason.Key.Trigger} \"{Label(reason.Key.Trigger, reason.Key.Code)}\": {after} times, {Change(c)} from {before}");
            if (item is { Direction: ChangeDirection.Rose })
            {
                reasons.Add(item);
            }
        }

        var clauses = new List<BriefItemDto>();
        foreach (var clause in moves.Select(m => (Move: m, Clause: Disputed(m))).Where(m => m.Clause is not null).GroupBy(m => m.Clause!.Id).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var before = clause.Count(m => m.Move.LeftIn == 0);
            var after = clause.Count(m => m.Move.LeftIn == 1);
            var description = clause.First().Clause!.Description;
            var item = Item(PeriodFigure.Count(before), PeriodFigure.Count(after), thresholds, periods.MetricsUrl(),
                Leads(clause.Where(m => m.Move.LeftIn == 1).Select(m => m.Move)),
                c => $"\"{description}\" ({clause.Key}) disputed {after} times, {Change(c)} from {before}");
            if (item is { Direction: ChangeDirection.Rose })
            {
                clauses.Add(item);
            }
        }

        return [new("reasons", "Reasons that grew", reasons), new("clauses", "Disputed clauses that grew", clauses)];
    }

    private async Task<List<BriefItemDto>> SlaAsync(Periods periods, BriefThresholds thresholds, CancellationToken ct)
    {
        var before = (await GetSlaMetricsHandler.ComplianceAsync(db, periods.Before, periods.From, ct)).ToDictionary(c => c.TermId);
        var after = await GetSlaMetricsHandler.ComplianceAsync(db, periods.From, periods.To, ct);
        var items = new List<BriefItemDto>();
        foreach (var term in after)
        {
            var was = before.GetValueOrDefault(term.TermId) ?? term with { MetOnTime = 0, Decided = 0 };
            var item = await ItemAsync(PeriodFigure.Rate(was.MetOnTime, was.Decided), PeriodFigure.Rate(term.MetOnTime, term.Decided), thresholds, periods.MetricsUrl(),
                _ => BreachedLeadsAsync(term.TermId, periods.From, periods.To, ct),
                c => $"{term.TermName}: met on time {Percent(c.After)} of {term.Decided}, {Verb(c)} from {Percent(c.Before)} of {was.Decided}");
            if (item is not null)
            {
                items.Add(item);
            }
        }

        return items;
    }

    private Task<List<Guid>> BreachedLeadsAsync(string termId, DateTime from, DateTime to, CancellationToken ct) =>
        db.SlaClocks.AsNoTracking()
            .Where(c => c.StartedAt >= from && c.StartedAt < to && c.BreachedAt != null && (termId == "" || c.TermId == termId))
            .OrderBy(c => c.StartedAt).Select(c => c.LeadId).Distinct().Take(LeadsPerItem).ToListAsync(ct);

    /// <summary>Competitors and pains heard on more leads than in the period before, beyond the thresholds; falls are not news here.</summary>
    private async Task<List<BriefItemDto>> IntelRisesAsync(Periods periods, BriefThresholds thresholds, CancellationToken ct)
    {
        var items = new List<BriefItemDto>();
        foreach (var kind in new[] { IntelKind.Competitor, IntelKind.Pain })
        {
            var before = (await IntelCounts.PerTagAsync(db, kind, periods.Before, periods.From, ct)).ToDictionary(c => c.TagId);
            foreach (var after in await IntelCounts.PerTagAsync(db, kind, periods.From, periods.To, ct))
            {
                var earlier = before.GetValueOrDefault(after.TagId)?.Leads ?? 0;
                var item = Item(PeriodFigure.Count(earlier), PeriodFigure.Count(after.Leads), thresholds, "/intel", [.. after.LeadIds.Take(LeadsPerItem)],
                    c => $"{(kind == IntelKind.Competitor ? "Competitor" : "Pain")} \"{after.Label}\": heard on {after.Leads} leads, {Change(c)} from {earlier}");
                if (item is { Direction: ChangeDirection.Rose })
                {
                    items.Add(item);
                }
            }
        }

        return items;
    }

    /// <summary>Every shared goal of the live agreement, met or missed in the brief's period, beside the period before.</summary>
    private async Task<List<BriefItemDto>> ScorecardAsync(Periods periods, CancellationToken ct)
    {
        var goals = (await agreements.GetActiveAsync(ct)).Agreement.Scorecard.Goals;
        var scope = new MetricsScope(periods.Before, periods.To, WaterfallMode.Period, null, null, null, null);
        var readings = await ScorecardReads.ReadAsync(db, await calendars.GetAsync(ct), goals, scope, [periods.Before, periods.From, periods.To], ct);
        return goals.Select((goal, g) =>
        {
            var (before, after) = (readings.PerBucket[g][0], readings.PerBucket[g][1]);
            var verdict = after.Met switch { true => "met", false => "missed", null => "too few cases to judge" };
            var value = after.Value is { } v ? $"{ScorecardMeasures.Format(goal.Measure, v)} of {after.Sample}" : "nothing yet";
            var earlier = before.Value is { } b ? $"{ScorecardMeasures.Format(goal.Measure, b)} of {before.Sample}" : "nothing";
            ChangeDirection? direction = before.Value is { } x && after.Value is { } y && x != y ? (y > x ? ChangeDirection.Rose : ChangeDirection.Fell) : null;
            return new BriefItemDto($"{goal.Describe()}: {value}, {verdict} (before: {earlier})", direction, before.Value, after.Value, before.Sample, after.Sample,
                periods.MetricsUrl("#scorecard"), []);
        }).ToList();
    }

    private static List<BriefItemDto> SourceChanges(List<LedgerEntry> entries, Periods periods, BriefThresholds thresholds)
    {
        var items = new List<BriefItemDto>();
        foreach (var source in entries.GroupBy(e => e.Source ?? "").OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var name = source.Key.Length == 0 ? "(no source)" : source.Key;
            var cells = Cells(source);
            var url = periods.MetricsUrl($"&source={Uri.EscapeDataString(source.Key)}");
            var (beforeMql, afterMql) = Figures(cells, LeadState.MQL);
            var acceptance = Item(Acceptance(beforeMql), Acceptance(afterMql), thresholds, url,
                c => Leads(source.Where(e => e.Stage == nameof(LeadState.MQL) && e.LeftIn == 1 && e.ExitTrigger == (c.Direction == ChangeDirection.Fell ? nameof(LeadTrigger.Reject) : nameof(LeadTrigger.Accept)))),
                c => $"{name}: MQL acceptance {(c.Direction == ChangeDirection.Rose ? "improved" : "slipped")} to {Percent(c.After)} of {Acceptance(afterMql).Sample}, from {Percent(c.Before)} of {Acceptance(beforeMql).Sample}");
            var (beforeScored, afterScored) = Figures(cells, LeadState.Scored);
            var mqlRate = Item(Conversion(beforeScored), Conversion(afterScored), thresholds, url,
                _ => Leads(source.Where(e => e.Stage == nameof(LeadState.Scored) && e.LeftIn == 1 && e.ExitTrigger == nameof(LeadTrigger.Qualify))),
                c => $"{name}: {(c.Direction == ChangeDirection.Rose ? "more" : "fewer")} scored leads became MQLs, {Percent(c.After)} of {Conversion(afterScored).Sample} from {Percent(c.Before)} of {Conversion(beforeScored).Sample}");
            items.AddRange(new[] { acceptance, mqlRate }.OfType<BriefItemDto>());
        }

        return items;
    }

    private async Task<List<BriefItemDto>> ActionsAsync(Review previous, CancellationToken ct)
    {
        var actions = await db.ReviewActions.AsNoTracking().Where(a => a.ReviewId == previous.Id).OrderBy(a => a.DueDate).ThenBy(a => a.CreatedAt).ToListAsync(ct);
        var names = await db.UserNamesAsync(actions.Select(a => (Guid?)a.OwnerId), ct);
        return actions.Select(a => new BriefItemDto(
                $"{names.GetValueOrDefault(a.OwnerId, "former user")}: {a.Title} — {a.Status switch { ReviewActionStatus.Done => "done", ReviewActionStatus.Dropped => "dropped", _ => $"still open, due {a.DueDate:yyyy-MM-dd}" }}",
                null, null, null, null, null, null, []))
            .ToList();
    }

    /// <summary>
    /// For each decision of the last review that changed the agreement: the measure it aimed at over the same length of
    /// time before and after the version holding it went live, so the room sees whether it worked.
    /// </summary>
    private async Task<List<BriefItemDto>> DecisionsAsync(Review previous, DateTime now, BriefThresholds thresholds, CancellationToken ct)
    {
        var decisions = await db.ReviewDecisions.AsNoTracking().Where(d => d.ReviewId == previous.Id && d.DraftVersion != null).OrderBy(d => d.Number).ToListAsync(ct);
        var numbers = decisions.Select(d => d.DraftVersion!.Value).ToList();
        var versions = await db.AgreementVersions.AsNoTracking().Where(v => numbers.Contains(v.Version)).Select(v => new { v.Version, v.Status, v.ActivatedAt }).ToListAsync(ct);
        var items = new List<BriefItemDto>();
        foreach (var decision in decisions)
        {
            var measure = decision.Change!.AimsAt;
            var title = $"Decision {decision.Number} ({decision.Change.Describe()})";
            var version = versions.FirstOrDefault(v => v.Version == decision.DraftVersion);
            if (version is null || version.Status == AgreementStatus.Draft || version.ActivatedAt is not { } live || live >= now)
            {
                var state = version is null ? $"draft {decision.DraftVersion} was discarded" : $"not yet activated (draft {decision.DraftVersion})";
                items.Add(new BriefItemDto($"{title}: {state}.", null, null, null, null, null, null, []));
                continue;
            }

            var periods = new Periods(live - (now - live), live, now);
            var (before, after, leads) = await MeasureAsync(measure, periods, ct);
            var change = BriefComparison.Compare(before, after, thresholds);
            var verdict = change is null ? "no change beyond the thresholds" : Verb(change);
            items.Add(new BriefItemDto(
                $"{title}, live in version {decision.DraftVersion} since {live:yyyy-MM-dd}: {measure.Describe()} {Show(before)} before, {Show(after)} since — {verdict}.",
                change?.Direction, before.Value, after.Value, before.Sample, after.Sample, MeasureUrl(measure, periods), leads));
        }

        return items;
    }

    private async Task<(PeriodFigure Before, PeriodFigure After, List<Guid> Leads)> MeasureAsync(ReviewMeasure measure, Periods periods, CancellationToken ct)
    {
        if (measure.Kind == ReviewMeasureKind.SlaCompliance)
        {
            var before = (await GetSlaMetricsHandler.ComplianceAsync(db, periods.Before, periods.From, ct)).FirstOrDefault(c => c.TermId == measure.SlaTermId);
            var after = (await GetSlaMetricsHandler.ComplianceAsync(db, periods.From, periods.To, ct)).FirstOrDefault(c => c.TermId == measure.SlaTermId);
            return (PeriodFigure.Rate(before?.MetOnTime ?? 0, before?.Decided ?? 0), PeriodFigure.Rate(after?.MetOnTime ?? 0, after?.Decided ?? 0),
                await BreachedLeadsAsync(measure.SlaTermId!, periods.From, periods.To, ct));
        }

        var entries = await EntriesAsync(periods, ct);
        if (measure.Kind == ReviewMeasureKind.ReasonCount)
        {
            var moves = entries.Where(e => e.ExitTrigger == measure.ReasonTrigger.ToString() && e.ExitReasonCode == measure.ReasonCode).ToList();
            return (PeriodFigure.Count(moves.Count(m => m.LeftIn == 0)), PeriodFigure.Count(moves.Count(m => m.LeftIn == 1)), Leads(moves.Where(m => m.LeftIn == 1)));
        }

        var stage = measure.Kind == ReviewMeasureKind.MqlAcceptance ? LeadState.MQL : measure.Stage!.Value;
        var (was, now) = Figures(Cells(entries), stage);
        var leads = Leads(entries.Where(e => e.Stage == stage.ToString() && e.LeftIn == 1));
        return measure.Kind == ReviewMeasureKind.MqlAcceptance ? (Acceptance(was), Acceptance(now), leads) : (Conversion(was), Conversion(now), leads);
    }

    private static string MeasureUrl(ReviewMeasure measure, Periods periods) =>
        periods.MetricsUrl(measure.Kind == ReviewMeasureKind.ReasonCount ? $"&trigger={measure.ReasonTrigger}" : null);

    private static BriefItemDto? Item(PeriodFigure before, PeriodFigure after, BriefThresholds thresholds, string url, List<Guid> leads, Func<SignificantChange, string> text) =>
        Item(before, after, thresholds, url, _ => leads, text);

    private static BriefItemDto? Item(PeriodFigure before, PeriodFigure after, BriefThresholds thresholds, string url, Func<SignificantChange, List<Guid>> leads, Func<SignificantChange, string> text) =>
        BriefComparison.Compare(before, after, thresholds) is { } change
            ? new BriefItemDto(text(change), change.Direction, change.Before, change.After, before.Sample, after.Sample, url, leads(change))
            : null;

    private static async Task<BriefItemDto?> ItemAsync(PeriodFigure before, PeriodFigure after, BriefThresholds thresholds, string url, Func<SignificantChange, Task<List<Guid>>> leads, Func<SignificantChange, string> text) =>
        BriefComparison.Compare(before, after, thresholds) is { } change
            ? new BriefItemDto(text(change), change.Direction, change.Before, change.After, before.Sample, after.Sample, url, await leads(change))
            : null;

    private static List<Guid> Leads(IEnumerable<LedgerEntry> entries) => entries.Select(e => e.LeadId).Distinct().Take(LeadsPerItem).ToList();

    private static string Verb(SignificantChange change) => change.Direction == ChangeDirection.Rose ? "rose" : "fell";

    private static string Change(SignificantChange change) => change.RelativeChange is { } relative
        ? string.Create(CultureInfo.InvariantCulture, $"{(relative > 0 ? "up" : "down")} {Math.Abs(relative) * 100:0}%")
        : "up";

    private static string Percent(double rate) => string.Create(CultureInfo.InvariantCulture, $"{rate * 100:0}%");

    private static string Show(PeriodFigure figure) => figure.IsRate
        ? figure.Value is { } rate ? $"{Percent(rate)} of {figure.Sample}" : "nothing measured"
        : figure.Part.ToString(CultureInfo.InvariantCulture);

    private static string Iso(DateTime at) => at.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
