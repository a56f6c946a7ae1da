using FluentValidation;
using L2R.Api.Features.Leads;
using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using L2R.Domain.Leads;
using L2R.Domain.Metrics;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Metrics.ListWaterfallLeads;

/// <summary>The entries behind one number of the waterfall asked with the same filters (and, when grouped, one group's key).</summary>
public sealed record ListWaterfallLeadsQuery(
    MetricsParameters Filter,
    LeadState Stage,
    WaterfallCount Outcome,
    MetricsGrouping? GroupBy,
    string? Group,
    int Page = 1,
    int PageSize = 50) : IQuery<WaterfallLeadPageDto>, IMetricsQuery;

public sealed class ListWaterfallLeadsValidator : MetricsQueryValidator<ListWaterfallLeadsQuery>
{
    public ListWaterfallLeadsValidator()
    {
        RuleFor(q => q.Stage).Must(WaterfallStages.IsRow).WithMessage("Stage is one of the waterfall's rows: " + string.Join(", ", WaterfallStages.Rows) + ".");
        RuleFor(q => q.Outcome).IsInEnum();
        RuleFor(q => q.GroupBy).IsInEnum();
        RuleFor(q => q.Group).MaximumLength(200);
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
        RuleFor(q => q.PageSize).InclusiveBetween(1, 500);
    }
}

/// <summary>
/// The same ledger entries the waterfall counts, narrowed to one stage and to the entries one number counts, in the
/// order they entered. Which entries a number counts mirrors <see cref="Waterfall"/>'s rules for the one bucket
/// [from, to) (bucket 0, -1 before it); the API tests hold every list's total to its number.
/// </summary>
public sealed class ListWaterfallLeadsHandler(L2RDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<ListWaterfallLeadsQuery, WaterfallLeadPageDto>
{
    public async ValueTask<WaterfallLeadPageDto> Handle(ListWaterfallLeadsQuery query, CancellationToken ct)
    {
        var scope = query.Filter.Resolve(clock.GetUtcNow().UtcDateTime, user.UserId);
        var stage = query.Stage.ToString();
        var entries = Counted(
            Ledger.Entries(db, scope, [scope.From, scope.To], query.GroupBy, LedgerDetail.ExitDetails | LedgerDetail.LeadSlices).InGroup(query.GroupBy, query.Group).Where(e => e.Stage == stage),
            scope.Mode,
            query.Outcome);
        var total = await entries.CountAsync(ct);
        var page = await (
                from e in entries
                join l in db.Leads on e.LeadId equals l.Id
                orderby e.EnteredAt, e.LeadId, e.Step
                select new { e.LeadId, l.DisplayName, l.Company, e.Source, e.Campaign, e.EnteredAt, e.LeftAt, e.ExitTrigger, e.ExitReasonCode, e.Hours, e.OwnerId, e.KeyVersion, e.Amount })
            .Skip((query.Page - 1) * query.PageSize)
            .Take(query.PageSize)
            .ToListAsync(ct);
        var owners = await db.UserNamesAsync(page.Select(e => e.OwnerId), ct);
        var items = page.Select(e =>
            {
                LeadTrigger? exit = e.ExitTrigger is null ? null : Enum.Parse<LeadTrigger>(e.ExitTrigger);
                return new WaterfallLeadDto(
                    e.LeadId, e.DisplayName, e.Company, e.Source, e.Campaign, query.Stage, Ledger.Utc(e.EnteredAt), e.LeftAt is { } left ? Ledger.Utc(left) : null, exit,
                    exit is { } trigger ? WaterfallStages.OutcomeOf(trigger) : null,
                    e.ExitReasonCode,
                    e.Hours / 24.0,
                    e.OwnerId,
                    e.OwnerId is { } owner ? owners.GetValueOrDefault(owner, "former user") : null,
                    e.KeyVersion,
                    e.Amount is { } amount ? Math.Round((decimal)amount, 2) : null);
            })
            .ToList();
        return new WaterfallLeadPageDto(items, total, query.Page, query.PageSize);
    }

    private static IQueryable<LedgerEntry> Counted(IQueryable<LedgerEntry> entries, WaterfallMode mode, WaterfallCount count)
    {
        const int Bucket = 0;
        var cohort = mode == WaterfallMode.Cohort;
        return count switch
        {
            WaterfallCount.Opening => cohort ? entries.Where(e => false) : entries.Where(e => e.EnteredIn < Bucket && (e.LeftIn == null || e.LeftIn >= Bucket)),
            WaterfallCount.Entered => entries.Where(e => e.EnteredIn == Bucket),
            WaterfallCount.StillIn => cohort
                ? entries.Where(e => e.EnteredIn == Bucket && e.LeftIn == null)
                : entries.Where(e => e.EnteredIn <= Bucket && (e.LeftIn == null || e.LeftIn > Bucket)),
            WaterfallCount.Left => entries.Where(e => e.LeftIn == Bucket),
            _ => Ended(entries.Where(e => e.LeftIn == Bucket), Enum.Parse<StageOutcome>(count.ToString())),
        };
    }

    private static IQueryable<LedgerEntry> Ended(IQueryable<LedgerEntry> entries, StageOutcome outcome)
    {
        var triggers = WaterfallStages.TriggersOf(outcome).Select(t => t.ToString()).ToList();
        return entries.Where(e => e.ExitTrigger != null && triggers.Contains(e.ExitTrigger));
    }
}
