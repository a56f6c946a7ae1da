using L2R.Api.Infrastructure.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Calendars.GetCalendar;

public sealed record GetCalendarQuery : IQuery<CalendarDto>;

public sealed class GetCalendarHandler(L2RDbContext db) : IQueryHandler<GetCalendarQuery, CalendarDto>
{
    public async ValueTask<CalendarDto> Handle(GetCalendarQuery query, CancellationToken ct) =>
        CalendarDto.From(await db.Calendars.AsNoTracking().FirstOrDefaultAsync(ct));
}
