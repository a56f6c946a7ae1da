namespace L2R.Domain.Calendars;

/// <summary>The hours one weekday is worked, in the calendar's time zone; <see cref="End"/> is after <see cref="Start"/>.</summary>
public sealed record WorkingDay(DayOfWeek Day, TimeOnly Start, TimeOnly End);

/// <summary>
/// A tenant's working time: an IANA time zone, the hours of each working weekday and the holidays. SLA targets in
/// business hours count only time inside it; every instant in and out is UTC, and the arithmetic happens on local
/// days, so a weekend, a holiday or a daylight-saving change moves a due time the way a person would expect.
/// </summary>
public sealed record BusinessCalendar
{
    public const string DefaultTimeZone = "UTC";

    public required string TimeZone { get; init; }
    public required IReadOnlyList<WorkingDay> Hours { get; init; }
    public IReadOnlyList<DateOnly> Holidays { get; init; } = [];

    /// <summary>Monday to Friday, 09:00–17:00 UTC, no holidays: what a tenant has until an admin says otherwise.</summary>
    public static BusinessCalendar Default { get; } = new()
    {
        TimeZone = DefaultTimeZone,
        Hours = [.. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .Select(d => new WorkingDay(d, new TimeOnly(9, 0), new TimeOnly(17, 0)))],
    };

    public static bool IsKnownTimeZone(string? id) => !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);

    private TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    /// <summary>The instant <paramref name="duration"/> of working time after <paramref name="fromUtc"/>.</summary>
    public DateTime AddBusinessTime(DateTime fromUtc, TimeSpan duration)
    {
        var left = duration;
        foreach (var (start, end) in WorkingWindows(fromUtc))
        {
            var from = start > fromUtc ? start : fromUtc;
            if (end - from >= left)
            {
                return from + left;
            }

            left -= end - from;
        }

        throw new InvalidOperationException("The calendar has no working time.");
    }

    /// <summary>How much working time lies between two instants (zero when <paramref name="toUtc"/> is not after <paramref name="fromUtc"/>).</summary>
    public TimeSpan BusinessTimeBetween(DateTime fromUtc, DateTime toUtc)
    {
        var total = TimeSpan.Zero;
        foreach (var (start, end) in WorkingWindows(fromUtc))
        {
            if (start >= toUtc)
            {
                break;
            }

            var from = start > fromUtc ? start : fromUtc;
            var to = end < toUtc ? end : toUtc;
            if (to > from)
            {
                total += to - from;
            }
        }

        return total;
    }

    /// <summary>
    /// Working windows in UTC, from the one containing or following <paramref name="fromUtc"/>, day by local day. A local
    /// time that a spring-forward skips is taken as the first minute after the gap; one an autumn fall-back repeats, in standard time.
    /// </summary>
    private IEnumerable<(DateTime Start, DateTime End)> WorkingWindows(DateTime fromUtc)
    {
        if (Hours.Count == 0)
        {
            yield break;
        }

        // Sorted once per walk, not per day: an SLA check walks a calendar for every lead it touches.
        var zone = Zone;
        var hoursByStart = Hours.OrderBy(h => h.Start).ToArray();
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(fromUtc, DateTimeKind.Utc), zone)).AddDays(-1);

        // Ten years of days without a working window means a calendar made only of holidays: stop rather than loop.
        for (var guard = 0; guard < 3660; guard++, day = day.AddDays(1))
        {
            if (Holidays.Contains(day))
            {
                continue;
            }

            foreach (var hours in hoursByStart)
            {
                if (hours.Day != day.DayOfWeek)
                {
                    continue;
                }

                var end = ToUtc(day.ToDateTime(hours.End), zone);
                if (end > fromUtc)
                {
                    guard = 0;
                    yield return (ToUtc(day.ToDateTime(hours.Start), zone), end);
                }
            }
        }
    }

    private static DateTime ToUtc(DateTime local, TimeZoneInfo zone)
    {
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);
    }
}
