using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Outbox;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Events.ListEvents;

/// <summary>The feed after position <see cref="After"/>, oldest first, optionally of some types only.</summary>
public sealed record ListEventsQuery(long After, IReadOnlyList<string> Types, int Limit) : IQuery<EventPageDto>;

/// <summary>A page of the feed; ask again with <c>after=next</c> (it stays put when nothing new has come).</summary>
public sealed record EventPageDto(IReadOnlyList<EventDto> Items, long Next);

public sealed class ListEventsHandler(L2RDbContext db) : IQueryHandler<ListEventsQuery, EventPageDto>
{
    public const int MaxLimit = 500;

    public async ValueTask<EventPageDto> Handle(ListEventsQuery query, CancellationToken ct)
    {
        var events = db.OutboxEvents.AsNoTracking().Where(e => e.Position > query.After);
        if (query.Types.Count > 0)
        {
            events = events.Where(e => query.Types.Contains(e.Type));
        }

        var page = await events.OrderBy(e => e.Position).Take(Math.Clamp(query.Limit, 1, MaxLimit)).ToListAsync(ct);
        return new EventPageDto(page.Select(EventDto.From).ToList(), page.Count == 0 ? query.After : page[^1].Position!.Value);
    }
}
