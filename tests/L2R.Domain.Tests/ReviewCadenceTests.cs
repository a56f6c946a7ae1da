using L2R.Domain.Reviews;

namespace L2R.Domain.Tests;

public class ReviewCadenceTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    /// <summary>Every other Tuesday at 10:00, from Wednesday 2026-03-04: the first meeting is Tuesday 2026-03-10.</summary>
    private static readonly ReviewCadence Fortnightly = new(DayOfWeek.Tuesday, 2, new DateOnly(2026, 3, 4), new TimeOnly(10, 0));

    [Fact]
    public void FirstMeetingDate_IsTheFirstWeekdayOnOrAfterTheFirstDate()
    {
        Assert.Equal(new DateOnly(2026, 3, 10), Fortnightly.FirstMeetingDate);
        Assert.Equal(new DateOnly(2026, 3, 10), (Fortnightly with { FirstDate = new DateOnly(2026, 3, 10) }).FirstMeetingDate);
    }

    [Fact]
    public void NextAtOrAfter_BeforeTheFirst_IsTheFirst_AtItsLocalTime()
    {
        var next = Fortnightly.NextAtOrAfter(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), Berlin);

        Assert.Equal(new DateOnly(2026, 3, 10), next.LocalDate);
        Assert.Equal(new DateTime(2026, 3, 10, 9, 0, 0, DateTimeKind.Utc), next.StartsAt);
    }

    [Fact]
    public void NextAtOrAfter_SkipsTheWeekBetween_AndKeepsTheLocalTimeAcrossDaylightSaving()
    {
        // Berlin moves to summer time on 2026-03-29: the meeting of 2026-04-07 is at 10:00 local, 08:00 UTC.
        var next = Fortnightly.NextAtOrAfter(new DateTime(2026, 3, 24, 9, 0, 1, DateTimeKind.Utc), Berlin);

        Assert.Equal(new DateOnly(2026, 4, 7), next.LocalDate);
        Assert.Equal(new DateTime(2026, 4, 7, 8, 0, 0, DateTimeKind.Utc), next.StartsAt);
    }

    [Fact]
    public void NextAtOrAfter_TheMeetingsOwnStart_IsThatMeeting()
    {
        var start = new DateTime(2026, 3, 24, 9, 0, 0, DateTimeKind.Utc);

        Assert.Equal(start, Fortnightly.NextAtOrAfter(start, Berlin).StartsAt);
    }

    [Fact]
    public void BriefDueAt_IsTheStartOfTheLocalDayBefore()
    {
        var meeting = Fortnightly.At(new DateOnly(2026, 3, 24), Berlin);

        Assert.Equal(new DateTime(2026, 3, 22, 23, 0, 0, DateTimeKind.Utc), meeting.BriefDueAt);
    }

    [Fact]
    public void Before_IsTheCadencesPreviousMeeting_AndNoneBeforeTheFirst()
    {
        Assert.Equal(new DateOnly(2026, 3, 10), Fortnightly.Before(new DateOnly(2026, 3, 24), Berlin)!.LocalDate);
        Assert.Null(Fortnightly.Before(new DateOnly(2026, 3, 10), Berlin));
    }
}
