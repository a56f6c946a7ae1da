using L2R.Api.Features.Calendars;
using L2R.Api.Infrastructure.Data;
using L2R.Domain.Reviews;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Reviews;

/// <summary>The current tenant's cadence read against its calendar's time zone: which review is next, and what period its brief covers.</summary>
public sealed class ReviewSchedule(L2RDbContext db, CalendarStore calendars)
{
    public Task<ReviewSettings?> SettingsAsync(CancellationToken ct) => db.ReviewSettings.AsNoTracking().FirstOrDefaultAsync(ct);

    public async Task<TimeZoneInfo> ZoneAsync(CancellationToken ct) => TimeZoneInfo.FindSystemTimeZoneById((await calendars.GetAsync(ct)).TimeZone);

    /// <summary>
    /// The review that starts next, saved if it was not yet: it exists as soon as its time is known, so people can add
    /// agenda items to it before any job has run. Null without a cadence.
    /// </summary>
    public async Task<Review?> EnsureNextAsync(DateTime now, CancellationToken ct)
    {
        if (await SettingsAsync(ct) is not { } settings)
        {
            return null;
        }

        var next = settings.Cadence.NextAtOrAfter(now, await ZoneAsync(ct));
        if (await db.Reviews.FirstOrDefaultAsync(r => r.StartsAt == next.StartsAt, ct) is { } existing)
        {
            return existing;
        }

        var review = new Review { LocalDate = next.LocalDate, StartsAt = next.StartsAt, BriefDueAt = next.BriefDueAt };
        db.Reviews.Add(review);
        try
        {
            await db.SaveChangesAsync(ct);
            return review;
        }
        catch (DbUpdateException)
        {
            // Another request saved the same meeting first (the unique start): use theirs.
            db.Entry(review).State = EntityState.Detached;
            return await db.Reviews.SingleAsync(r => r.StartsAt == next.StartsAt, ct);
        }
    }

    /// <summary>Where a brief of <paramref name="review"/> starts: at the cadence's previous meeting, or one cycle back for the first.</summary>
    public async Task<DateTime> PeriodStartAsync(Review review, ReviewSettings settings, DateTime to, CancellationToken ct)
    {
        var previous = settings.Cadence.Before(review.LocalDate, await ZoneAsync(ct));
        return previous is { } p && p.StartsAt < to ? p.StartsAt : to - settings.Cadence.Cycle;
    }

    /// <summary>The review held before <paramref name="review"/>, if it was saved (only saved reviews have decisions and actions).</summary>
    public Task<Review?> PreviousAsync(Review review, CancellationToken ct) =>
        db.Reviews.AsNoTracking().Where(r => r.StartsAt < review.StartsAt).OrderByDescending(r => r.StartsAt).FirstOrDefaultAsync(ct);
}
