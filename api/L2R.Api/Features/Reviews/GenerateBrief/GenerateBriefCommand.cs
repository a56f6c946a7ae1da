using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Web;
using Mediator;

namespace L2R.Api.Features.Reviews.GenerateBrief;

/// <summary>Generates the review's brief now, as a new version; the earlier versions stay as they were.</summary>
public sealed record GenerateBriefCommand(Guid ReviewId) : ICommand<ReviewBriefDto>;

public sealed class GenerateBriefHandler(L2RDbContext db, ReviewSchedule schedule, BriefAssembler assembler, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<GenerateBriefCommand, ReviewBriefDto>
{
    public async ValueTask<ReviewBriefDto> Handle(GenerateBriefCommand command, CancellationToken ct)
    {
        var review = await db.FindReviewAsync(command.ReviewId, ct);
        var settings = await schedule.SettingsAsync(ct) ?? throw new ConflictException("Set the review cadence first.");
        var brief = await assembler.GenerateAsync(review, settings, clock.GetUtcNow().UtcDateTime, user.UserId, ct);
        return await db.ToDtoAsync(brief, review, ct);
    }
}
