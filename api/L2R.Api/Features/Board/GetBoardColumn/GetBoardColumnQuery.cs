using FluentValidation;
using L2R.Api.Features.Leads;
using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using L2R.Domain.Leads;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Board.GetBoardColumn;

public sealed record GetBoardColumnQuery(LeadState State, string? Cursor, LeadFilter Filter, int Take = 25) : IQuery<BoardColumnDto>;

public sealed class GetBoardColumnValidator : AbstractValidator<GetBoardColumnQuery>
{
    public GetBoardColumnValidator()
    {
        RuleFor(q => q.Take).InclusiveBetween(1, 100);
        RuleFor(q => q.State).IsInEnum();
        RuleFor(q => q.Cursor).Must(c => BoardCursor.TryDecode(c, out _)).WithMessage("The cursor is not one this board gave out.");
    }
}

public sealed class GetBoardColumnHandler(L2RDbContext db, ICurrentUser user) : IQueryHandler<GetBoardColumnQuery, BoardColumnDto>
{
    public async ValueTask<BoardColumnDto> Handle(GetBoardColumnQuery query, CancellationToken ct)
    {
        BoardCursor.TryDecode(query.Cursor, out var offset);
        var leads = query.Filter.Apply(db.Leads.AsNoTracking(), user.UserId);
        // The SPA reloads two columns after every move: at 100,000 leads counting one stage costs what the board's counters save.
        var count = query.Filter.PassesAll()
            ? (await BoardCounts.ReadAsync(db, ct)).GetValueOrDefault(query.State)
            : await leads.CountAsync(l => l.State == query.State, ct);
        var cards = (await BoardPages.WithSlasAsync(db, [await BoardPages.PageAsync(db, leads, query.State, offset, query.Take, ct)], ct))[0];
        return new BoardColumnDto(query.State, count, cards, BoardPages.NextCursor(count, offset, cards.Count));
    }
}
