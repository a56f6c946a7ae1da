using L2R.Api.Infrastructure.Data;
using L2R.Domain.Calendars;

namespace L2R.Api.Features.Calendars;

/// <summary>The tenant's working time: an IANA time zone, the hours of each working weekday (local), and holidays (local dates).</summary>
public sealed record CalendarDto(string TimeZone, IReadOnlyList<WorkingDay> WorkingHours, IReadOnlyList<DateOnly> Holidays, DateTime? UpdatedAt)
{
    public static CalendarDto From(TenantCalendar? row) => row is null
        ? new(BusinessCalendar.Default.TimeZone, BusinessCalendar.Default.Hours, [], null)
        : new(row.TimeZone, row.Hours, row.Holidays, row.UpdatedAt);
}

public sealed record UpdateCalendarRequest(string TimeZone, IReadOnlyList<WorkingDay> WorkingHours, IReadOnlyList<DateOnly>? Holidays);

/// <summary>A user's own working hours (null: the tenant's calendar applies) and out-of-office periods (UTC, end exclusive).</summary>
public sealed record AvailabilityDto(Guid UserId, IReadOnlyList<WorkingDay>? WorkingHours, IReadOnlyList<OutOfOffice> OutOfOffice, DateTime? UpdatedAt)
{
    public static AvailabilityDto From(Guid userId, UserAvailability? row) => row is null
        ? new(userId, null, [], null)
        : new(userId, row.Hours, row.OutOfOffice, row.UpdatedAt);
}

public sealed record UpdateAvailabilityRequest(IReadOnlyList<WorkingDay>? WorkingHours, IReadOnlyList<OutOfOffice>? OutOfOffice);
