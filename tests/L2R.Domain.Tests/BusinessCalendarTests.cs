using L2R.Domain.Calendars;

namespace L2R.Domain.Tests;

public class BusinessCalendarTests
{
    /// <summary>Berlin, Monday to Friday 09:00–17:00, Good Friday 2026 a holiday; summer time starts Sunday 29 March 2026.</summary>
    private static readonly BusinessCalendar Berlin = BusinessCalendar.Default with { TimeZone = "Europe/Berlin", Holidays = [new DateOnly(2026, 4, 3)] };

    private static DateTime Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, DateTimeKind.Utc);

    [Fact]
    public void AddBusinessTime_AcrossAWeekendAndTheDaylightSavingChange_CountsLocalWorkingHours()
    {
        // Friday 16:00 CET (15:00 UTC): one hour on Friday, then Monday from 09:00 CEST, which is 07:00 UTC.
        var due = Berlin.AddBusinessTime(Utc(3, 27, 15), TimeSpan.FromHours(4));

        Assert.Equal(Utc(3, 30, 10), due);
    }

    [Fact]
    public void AddBusinessTime_AcrossAHolidayAndAWeekend_SkipsThem()
    {
        // Thursday 15:00 CEST: two hours that day, Good Friday and the weekend off, six hours on Monday.
        var due = Berlin.AddBusinessTime(Utc(4, 2, 13), TimeSpan.FromHours(8));

        Assert.Equal(Utc(4, 6, 13), due);
    }

    [Fact]
    public void AddBusinessTime_FromOutsideWorkingHours_StartsAtTheNextOpening()
    {
        Assert.Equal(Utc(3, 23, 10), Berlin.AddBusinessTime(Utc(3, 22, 20), TimeSpan.FromHours(2)));
        Assert.Equal(Utc(3, 23, 8), Berlin.AddBusinessTime(Utc(3, 23, 6), TimeSpan.Zero));
    }

    [Fact]
    public void BusinessTimeBetween_IsTheInverseOfAdding()
    {
        var from = Utc(3, 26, 14, 30);
        var due = Berlin.AddBusinessTime(from, TimeSpan.FromHours(13.5));

        Assert.Equal(TimeSpan.FromHours(13.5), Berlin.BusinessTimeBetween(from, due));
        Assert.Equal(TimeSpan.Zero, Berlin.BusinessTimeBetween(due, from));
    }

    [Fact]
    public void AddBusinessTime_OnTheDefaultCalendar_IsUtcOfficeHours()
    {
        Assert.Equal(Utc(3, 23, 9).AddHours(2), BusinessCalendar.Default.AddBusinessTime(Utc(3, 21, 12), TimeSpan.FromHours(2)));
    }

    [Fact]
    public void AddBusinessTime_WithoutAnyWorkingDay_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => (Berlin with { Hours = [] }).AddBusinessTime(Utc(3, 23, 9), TimeSpan.FromHours(1)));
    }
}
