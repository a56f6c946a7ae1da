using L2R.Api.Features.Metrics;
using L2R.Api.Infrastructure.Web;

namespace L2R.Api.Features.Intel;

/// <summary>Weeks (from Monday) or months that start at midnight in the tenant's time zone, as its people count them.</summary>
public static class IntelBuckets
{
    public const int MaxBuckets = 160;

    /// <summary>Bucket starts (UTC) from the one holding <paramref name="from"/> up to the first at or after <paramref name="to"/>.</summary>
    public static List<DateTime> Boundaries(TrendBucket bucket, DateTime from, DateTime to, string timeZone)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(from, DateTimeKind.Utc), zone);
        var start = bucket == TrendBucket.Week ? local.Date.AddDays(-(((int)local.DayOfWeek + 6) % 7)) : new DateTime(local.Year, local.Month, 1);
        var starts = new List<DateTime> { start };
        while (ToUtc(starts[^1], zone) < to)
        {
            if (starts.Count > MaxBuckets)
            {
                throw RequestValidationException.For("bucket", $"The period holds more than {MaxBuckets} buckets; ask for months or a shorter period.");
            }

            starts.Add(bucket == TrendBucket.Week ? starts[^1].AddDays(7) : starts[^1].AddMonths(1));
        }

        return starts.Select(s => ToUtc(s, zone)).ToList();
    }

    /// <summary>A local midnight that a clock change skips is read as the first minute that exists.</summary>
    private static DateTime ToUtc(DateTime local, TimeZoneInfo zone)
    {
        var at = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(at))
        {
            at = at.AddMinutes(1);
        }

        return TimeZoneInfo.ConvertTimeToUtc(at, zone);
    }
}
