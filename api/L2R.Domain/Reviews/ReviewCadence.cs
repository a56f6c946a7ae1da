namespace L2R.Domain.Reviews;

/// <summary>
/// When a tenant's joint review meets: on <see cref="Weekday"/> every <see cref="EveryWeeks"/> weeks at
/// <see cref="LocalTime"/> in the tenant's time zone, the first time on the first such weekday on or after
/// <see cref="FirstDate"/>. Every instant in and out is UTC; the counting happens on local dates, so a meeting stays at
/// its local time across a daylight-saving change.
/// </summary>
public sealed record ReviewCadence(DayOfWeek Weekday, int EveryWeeks, DateOnly FirstDate, TimeOnly LocalTime)
{
    public const int MaxEveryWeeks = 12;

    /// <summary>The local date of the first review: the first <see cref="Weekday"/> on or after <see cref="FirstDate"/>.</summary>
    public DateOnly FirstMeetingDate => FirstDate.AddDays(((int)Weekday - (int)FirstDate.DayOfWeek + 7) % 7);

    /// <summary>The first review that starts at or after <paramref name="utc"/>.</summary>
    public ReviewOccurrence NextAtOrAfter(DateTime utc, TimeZoneInfo zone)
    {
        var localDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, zone));
        var step = 7 * EveryWeeks;
        var first = FirstMeetingDate;
        var index = localDate <= first ? 0 : (localDate.DayNumber - first.DayNumber) / step;
        while (true)
        {
            var occurrence = At(first.AddDays(index * step), zone);
            if (occurrence.StartsAt >= utc)
            {
                return occurrence;
            }

            index++;
        }
    }

    /// <summary>The review of the cadence held before the one on <paramref name="localDate"/>, or null for the first.</summary>
    public ReviewOccurrence? Before(DateOnly localDate, TimeZoneInfo zone) =>
        localDate.AddDays(-7 * EveryWeeks) is var previous && previous >= FirstMeetingDate ? At(previous, zone) : null;

    /// <summary>How long one cycle lasts: the period a first brief looks back over, when no review came before it.</summary>
    public TimeSpan Cycle => TimeSpan.FromDays(7 * EveryWeeks);

    /// <summary>
    /// The review on <paramref name="localDate"/>: its start in UTC, and when its brief falls due, at the start of the
    /// local day before. A local time a spring-forward skips is taken an hour later, as a person would.
    /// </summary>
    public ReviewOccurrence At(DateOnly localDate, TimeZoneInfo zone) =>
        new(localDate, ToUtc(localDate.ToDateTime(LocalTime), zone), ToUtc(localDate.AddDays(-1).ToDateTime(TimeOnly.MinValue), zone));

    private static DateTime ToUtc(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddHours(1);
        }

        return TimeZoneInfo.ConvertTimeToUtc(unspecified, zone);
    }
}

/// <summary>One meeting of a cadence: its local date, its start and when its brief falls due (both UTC).</summary>
public sealed record ReviewOccurrence(DateOnly LocalDate, DateTime StartsAt, DateTime BriefDueAt);
