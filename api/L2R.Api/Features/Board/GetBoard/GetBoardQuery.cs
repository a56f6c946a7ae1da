using FluentValidation;
using L2R.Api.Features.Leads;
using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using L2R.Domain.Leads;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Board.GetBoard;

public sealed record GetBoardQuery(LeadFilter Filter, int Take = 25) : IQuery<BoardDto>;

public sealed class GetBoardValidator : AbstractValidator<GetBoardQuery>
{
    public GetBoardValidator() => RuleFor(q => q.Take).InclusiveBetween(1, 100);
}

/// <summary>
/// A column per stage: the counts, one bounded page per column and one query for the cards' SLA clocks, so the
/// statements per board stay constant however many leads the tenant has. Cards are ordered by total score, best first.
/// The unfiltered board reads its counts from the tenant's stage counters (<see cref="BoardCounts"/>), which cost the
/// same at 100,000 leads as at 10; a filtered board counts its leads.
/// </summary>
public sealed class GetBoardHandler(L2RDbContext db, ICurrentUser user) : IQueryHandler<GetBoardQuery, BoardDto>
{
    public async ValueTask<BoardDto> Handle(GetBoardQuery query, CancellationToken ct)
    {
        // One connection for the count and every column, instead of a pooled connection (and its reset) per query.
        await db.Database.OpenConnectionAsync(ct);
        var leads = query.Filter.Apply(db.Leads.AsNoTracking(), user.UserId);
        var counts = query.Filter.PassesAll()
            ? await BoardCounts.ReadAsync(db, ct)
            : await leads.GroupBy(l => l.State).Select(g => new { State = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.State, g => g.Count, ct);
        var pages = new List<IReadOnlyList<CardDto>>();
        foreach (var state in LeadStates.All)
        {
            pages.Add(counts.GetValueOrDefault(state) == 0 ? [] : await BoardPages.PageAsync(db, leads, state, 0, query.Take, ct));
        }

        var withSlas = await BoardPages.WithSlasAsync(db, pages, ct);
        return new BoardDto(LeadStates.All.Select((state, i) =>
        {
            var count = counts.GetValueOrDefault(state);
            return new BoardColumnDto(state, count, withSlas[i], BoardPages.NextCursor(count, 0, withSlas[i].Count));
        }).ToList());
    }
}
