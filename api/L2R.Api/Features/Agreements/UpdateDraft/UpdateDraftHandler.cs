using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Web;
using L2R.Domain.Agreements;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Agreements.UpdateDraft;

public sealed class UpdateDraftHandler(L2RDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<UpdateDraftCommand, AgreementDraftDto>
{
    public async ValueTask<AgreementDraftDto> Handle(UpdateDraftCommand command, CancellationToken ct)
    {
        await EnsureTeamsExistAsync(command.Agreement.Routing, ct);
        return await db.ChangeDraftAsync(command.DraftId, draft => draft.Edit(command.Agreement, command.Revision, user.UserId, clock.GetUtcNow().UtcDateTime), ct);
    }

    /// <summary>The domain validates routing's shape; whether each team it names belongs to this tenant only the database knows.</summary>
    private async Task EnsureTeamsExistAsync(RoutingRules routing, CancellationToken ct)
    {
        var named = routing.TeamIds().ToList();
        if (named.Count == 0)
        {
            return;
        }

        var known = (await db.Teams.AsNoTracking().Where(t => named.Contains(t.Id)).Select(t => t.Id).ToListAsync(ct)).ToHashSet();
        for (var i = 0; i < routing.Rules.Count; i++)
        {
            if (routing.Rules[i].TeamId != Guid.Empty && !known.Contains(routing.Rules[i].TeamId))
            {
                throw RequestValidationException.For($"routing.rules[{i}].teamId", $"{routing.Rules[i].TeamId} is not a team of this tenant.");
            }
        }

        if (routing.FallbackTeamId is { } fallback && fallback != Guid.Empty && !known.Contains(fallback))
        {
            throw RequestValidationException.For("routing.fallbackTeamId", $"{fallback} is not a team of this tenant.");
        }
    }
}
