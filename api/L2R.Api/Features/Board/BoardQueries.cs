using FluentValidation;
using L2R.Api.Features.Leads;
using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using L2R.Domain.Leads;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Board;

/// <summary>A card shows the stored score (the board's cache) with the instant it was computed, <c>scoredAt</c>.</summary>
public sealed record CardDto(
    Guid Id,
    string Name,
    string? Company,
    int TotalScore,
    int FitScore,
    int EngagementScore,
    DateTime ScoredAt,
    Guid? OwnerId,
    string? OwnerName,
    string? Source,
    string? Campaign,
    LeadState State,
    DateTime StageEnteredAt,
    int Version);

public sealed record BoardColumnDto(LeadState State, int Count, IReadOnlyList<CardDto> Cards, string? NextCursor);

public sealed record BoardDto(IReadOnlyList<BoardColumnDto> Columns);

public sealed record GetBoardQuery(LeadFilter Filter, int Take = 25) : IQuery<BoardDto>;

public sealed record GetBoardColumnQuery(LeadState State, string? Cursor, LeadFilter Filter, int Take = 25) : IQuery<BoardColumnDto>;

public sealed class GetBoardValidator : AbstractValidator<GetBoardQuery>
{
    public GetBoardValidator() => RuleFor(q => q.Take).InclusiveBetween(1, 100);
}

public sealed class GetBoardColumnValidator : AbstractValidator<GetBoardColumnQuery>
{
    public GetBoardColumnValidator()
    {
        RuleFor(q => q.Take).InclusiveBetween(1, 100);
        RuleFor(q => q.State).IsInEnum();
        RuleFor(q => q.Cursor).Must(c => BoardCursor.TryDecode(c, out _)).WithMessage("The cursor is not one this board gave out.");
    }
}

/// <summary>
/// A column per stage: one grouped count and one bounded page per column, so the statements per board stay
/// constant however many leads the tenant has. Cards are ordered by total score, best first.
/// </summary>
public sealed class GetBoardHandler(L2RDbContext db, ICurrentUser user) : IQueryHandler<GetBoardQuery, BoardDto>
{
    public async ValueTask<BoardDto> Handle(GetBoardQuery query, CancellationToken ct)
    {
        // One connection for the count and every column, instead of a pooled connection (and its reset) per query.
        await db.Database.OpenConnectionAsync(ct);
        var leads = query.Filter.Apply(db.Leads.AsNoTracking(), user.UserId);
        var counts = await leads.GroupBy(l => l.State).Select(g => new { State = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.State, g => g.Count, ct);
        var columns = new List<BoardColumnDto>();
        foreach (var state in LeadStates.All)
        {
            var count = counts.GetValueOrDefault(state);
            var cards = count == 0 ? [] : await BoardPages.PageAsync(db, leads, state, 0, query.Take, ct);
            columns.Add(new BoardColumnDto(state, count, cards, BoardPages.NextCursor(count, 0, cards.Count)));
        }

        return new BoardDto(columns);
    }
}

public sealed class GetBoardColumnHandler(L2RDbContext db, ICurrentUser user) : IQueryHandler<GetBoardColumnQuery, BoardColumnDto>
{
    public async ValueTask<BoardColumnDto> Handle(GetBoardColumnQuery query, CancellationToken ct)
    {
        BoardCursor.TryDecode(query.Cursor, out var offset);
        var leads = query.Filter.Apply(db.Leads.AsNoTracking(), user.UserId);
        var count = await leads.CountAsync(l => l.State == query.State, ct);
        var cards = await BoardPages.PageAsync(db, leads, query.State, offset, query.Take, ct);
        return new BoardColumnDto(query.State, count, cards, BoardPages.NextCursor(count, offset, cards.Count));
    }
}

internal static class BoardPages
{
    public static async Task<IReadOnlyList<CardDto>> PageAsync(L2RDbContext db, IQueryable<Lead> leads, LeadState state, int offset, int take, CancellationToken ct) =>
        await leads
            .Where(l => l.State == state)
            .OrderByDescending(l => l.TotalScore).ThenBy(l => l.CreatedAt).ThenBy(l => l.Id)
            .Skip(offset)
            .Take(take)
            .Select(l => new CardDto(
                l.Id,
                l.DisplayName,
                l.Company,
                l.TotalScore,
                l.FitScore,
                l.EngagementScore,
                l.ScoredAt,
                l.OwnerId,
                db.Users.Where(u => u.Id == l.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
                l.Source,
                l.Campaign,
                l.State,
                l.StageEnteredAt,
                l.Version))
            .ToListAsync(ct);

    public static string? NextCursor(int count, int offset, int returned) =>
        offset + returned < count ? BoardCursor.Encode(offset + returned) : null;
}

/// <summary>An opaque position in a column; clients pass back what they were given.</summary>
internal static class BoardCursor
{
    public static string Encode(int offset) => Convert.ToBase64String(BitConverter.GetBytes(offset)).TrimEnd('=');

    public static bool TryDecode(string? cursor, out int offset)
    {
        offset = 0;
        if (string.IsNullOrEmpty(cursor))
        {
            return true;
        }

        try
        {
            var bytes = Convert.FromBase64String(cursor.PadRight(cursor.Length + ((4 - (cursor.Length % 4)) % 4), '='));
            offset = bytes.Length == 4 ? BitConverter.ToInt32(bytes) : -1;
        }
        catch (FormatException)
        {
            offset = -1;
        }

        return offset >= 0;
    }
}
