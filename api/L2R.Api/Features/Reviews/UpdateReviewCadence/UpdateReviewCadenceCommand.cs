using FluentValidation;
using L2R.Api.Features.Calendars;
using L2R.Api.Features.Reviews.GetReviewCadence;
using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Web;
using L2R.Domain.Reviews;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Reviews.UpdateReviewCadence;

public sealed record UpdateReviewCadenceCommand(UpdateReviewCadenceRequest Cadence) : ICommand<ReviewCadenceDto>;

public sealed class UpdateReviewCadenceValidator : AbstractValidator<UpdateReviewCadenceCommand>
{
    public UpdateReviewCadenceValidator()
    {
        RuleFor(c => c.Cadence).NotNull();
        RuleFor(c => c.Cadence.Weekday).IsInEnum().OverridePropertyName("weekday");
        RuleFor(c => c.Cadence.EveryWeeks).InclusiveBetween(1, ReviewCadence.MaxEveryWeeks).OverridePropertyName("everyWeeks");
        RuleFor(c => c.Cadence.Participants).NotNull().Must(p => p.Count <= 100 && p.Distinct().Count() == p.Count)
            .WithMessage("At most 100 participants, each once.").OverridePropertyName("participants");
        RuleFor(c => c.Cadence.ChangePercent).InclusiveBetween(1, 1000).When(c => c.Cadence.ChangePercent is not null).OverridePropertyName("changePercent");
        RuleFor(c => c.Cadence.MinimumSample).InclusiveBetween(1, 100_000).When(c => c.Cadence.MinimumSample is not null).OverridePropertyName("minimumSample");
    }
}

/// <summary>
/// Sets the cadence. Future reviews nobody has prepared yet (no brief, agenda item, comment, decision or action) move
/// with it; one already prepared keeps its date, as a meeting people have started on would.
/// </summary>
public sealed class UpdateReviewCadenceHandler(L2RDbContext db, ReviewSchedule schedule, CalendarStore calendars, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<UpdateReviewCadenceCommand, ReviewCadenceDto>
{
    public async ValueTask<ReviewCadenceDto> Handle(UpdateReviewCadenceCommand command, CancellationToken ct)
    {
        var request = command.Cadence;
        var users = await db.Users.AsNoTracking().Where(u => request.Participants.Contains(u.Id)).Select(u => u.Id).ToListAsync(ct);
        if (request.Participants.FirstOrDefault(p => !users.Contains(p)) is var unknown && unknown != Guid.Empty)
        {
            throw RequestValidationException.For("participants", $"{unknown} is not a user of this tenant.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var settings = await db.ReviewSettings.FirstOrDefaultAsync(ct);
        if (settings is null)
        {
            settings = new ReviewSettings();
            db.ReviewSettings.Add(settings);
        }

        settings.Weekday = request.Weekday;
        settings.EveryWeeks = request.EveryWeeks;
        settings.FirstDate = request.FirstDate;
        settings.LocalTime = request.LocalTime;
        settings.Participants = [.. request.Participants];
        settings.ChangePercent = request.ChangePercent ?? BriefThresholds.Default.ChangePercent;
        settings.MinimumSample = request.MinimumSample ?? BriefThresholds.Default.MinimumSample;
        settings.UpdatedAt = now;
        settings.UpdatedBy = user.UserId;
        db.Reviews.RemoveRange(await db.Reviews
            .Where(r => r.StartsAt > now
                && !db.ReviewBriefs.Any(b => b.ReviewId == r.Id)
                && !db.ReviewNotes.Any(n => n.ReviewId == r.Id)
                && !db.ReviewDecisions.Any(d => d.ReviewId == r.Id)
                && !db.ReviewActions.Any(a => a.ReviewId == r.Id))
            .ToListAsync(ct));
        await db.SaveChangesAsync(ct);
        await schedule.EnsureNextAsync(now, ct);
        return ReviewCadenceDtos.From(settings, (await calendars.GetAsync(ct)).TimeZone, now);
    }
}
