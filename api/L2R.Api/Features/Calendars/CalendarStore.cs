using L2R.Api.Infrastructure.Data;
using L2R.Domain.Calendars;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Calendars;

/// <summary>The current tenant's calendar, read once per scope; <see cref="BusinessCalendar.Default"/> until an admin sets one.</summary>
public sealed class CalendarStore(L2RDbContext db)
{
    private BusinessCalendar? _calendar;

    public async Task<BusinessCalendar> GetAsync(CancellationToken ct) =>
        _calendar ??= (await db.Calendars.AsNoTracking().FirstOrDefaultAsync(ct))?.ToCalendar() ?? BusinessCalendar.Default;

    /// <summary>After the calendar changed within this scope.</summary>
    public void Forget() => _calendar = null;
}
