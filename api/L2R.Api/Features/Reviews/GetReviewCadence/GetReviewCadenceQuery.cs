using L2R.Api.Features.Calendars;
using L2R.Api.Infrastructure.Data;
using L2R.Domain.Reviews;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Reviews.GetReviewCadence;

public sealed record GetReviewCadenceQuery : IQuery<ReviewCadenceDto>;

public sealed class GetReviewCadenceHandler(L2RDbContext db, CalendarStore calendars, TimeProvider clock) : IQueryHandler<GetReviewCadenceQuery, ReviewCadenceDto>
{
    public async ValueTask<ReviewCadenceDto> Handle(GetReviewCadenceQuery query, CancellationToken ct) =>
        ReviewCadenceDtos.From(await db.ReviewSettings.AsNoTracking().FirstOrDefaultAsync(ct), (await calendars.GetAsync(ct)).TimeZone, clock.GetUtcNow().UtcDateTime);
}

public static class ReviewCadenceDtos
{
    /// <summary>An unset cadence shows as fortnightly on Tuesdays at 10:00 from today, what the form offers first.</summary>
    public static ReviewCadenceDto From(ReviewSettings? s, string timeZone, DateTime now) => s is null
        ? new(false, DayOfWeek.Tuesday, 2, DateOnly.FromDateTime(now), new TimeOnly(10, 0), timeZone, [], BriefThresholds.Default.ChangePercent, BriefThresholds.Default.MinimumSample, null)
        : new(true, s.Weekday, s.EveryWeeks, s.FirstDate, s.LocalTime, timeZone, s.Participants, s.ChangePercent, s.MinimumSample, s.UpdatedAt);
}
