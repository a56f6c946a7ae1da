using L2R.Api.Infrastructure.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Reviews.PrepareDueBriefs;

/// <summary>What the scheduled pass did for one tenant: the brief it generated, if one fell due.</summary>
public sealed record PrepareDueBriefsResult(Guid? ReviewId, int? BriefVersion);

/// <summary>
/// The scheduled pass of the review brief job for the current tenant: makes the next review known and, from the start
/// of the local day before it, generates its brief once. A brief anyone generated since it fell due counts as that
/// one, so a pass that runs again (or another instance) generates nothing more.
/// </summary>
public sealed record PrepareDueBriefsCommand : ICommand<PrepareDueBriefsResult>;

public sealed class PrepareDueBriefsHandler(L2RDbContext db, ReviewSchedule schedule, BriefAssembler assembler, TimeProvider clock)
    : ICommandHandler<PrepareDueBriefsCommand, PrepareDueBriefsResult>
{
    public async ValueTask<PrepareDueBriefsResult> Handle(PrepareDueBriefsCommand command, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (await schedule.EnsureNextAsync(now, ct) is not { } next || await schedule.SettingsAsync(ct) is not { } settings
            || now < next.BriefDueAt
            || await db.ReviewBriefs.AnyAsync(b => b.ReviewId == next.Id && b.GeneratedAt >= next.BriefDueAt, ct))
        {
            return new PrepareDueBriefsResult(null, null);
        }

        var brief = await assembler.GenerateAsync(next, settings, now, null, ct);
        return new PrepareDueBriefsResult(next.Id, brief.Version);
    }
}
