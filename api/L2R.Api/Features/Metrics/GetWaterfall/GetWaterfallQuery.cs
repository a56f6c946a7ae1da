using FluentValidation;
using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using L2R.Domain.Metrics;
using Mediator;

namespace L2R.Api.Features.Metrics.GetWaterfall;

public sealed record GetWaterfallQuery(MetricsParameters Filter, MetricsGrouping? GroupBy) : IQuery<WaterfallDto>, IMetricsQuery;

public sealed class GetWaterfallValidator : MetricsQueryValidator<GetWaterfallQuery>
{
    public GetWaterfallValidator()
    {
        RuleFor(q => q.GroupBy).IsInEnum();
    }
}

/// <summary>One ledger query counted into cells, then the domain's arithmetic per group; an ungrouped answer always has its "all" group.</summary>
public sealed class GetWaterfallHandler(L2RDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<GetWaterfallQuery, WaterfallDto>
{
    public async ValueTask<WaterfallDto> Handle(GetWaterfallQuery query, CancellationToken ct)
    {
        var scope = query.Filter.Resolve(clock.GetUtcNow().UtcDateTime, user.UserId);
        var cells = await Ledger.CellsAsync(db, scope, [scope.From, scope.To], query.GroupBy, ct);
        var groups = Waterfall.Compute(scope.Mode, 0, cells);
        if (query.GroupBy is null && groups.Count == 0)
        {
            groups = [new WaterfallGroup(Ledger.Key(null, null), Waterfall.Stages(scope.Mode, 0, []))];
        }

        var label = await GroupLabels.ForAsync(db, query.GroupBy, groups.Select(g => g.Key), ct);
        return new WaterfallDto(
            scope.Mode,
            scope.From,
            scope.To,
            query.GroupBy,
            groups.Select(g => new WaterfallGroupDto(g.Key, label(g.Key), g.Stages.Select(StageFiguresDto.From).ToList())).ToList());
    }
}
