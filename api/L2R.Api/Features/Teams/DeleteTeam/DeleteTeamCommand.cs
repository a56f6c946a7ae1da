using L2R.Api.Features.Agreements;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Web;
using Mediator;

namespace L2R.Api.Features.Teams.DeleteTeam;

public sealed record DeleteTeamCommand(Guid Id) : ICommand;

/// <summary>
/// 404 for a team not in this tenant, then 409 while the active agreement routes to it (a rule or the fallback): the
/// rules would send leads nowhere. Leads it holds keep their owners; its queue is routed afresh by the next check.
/// </summary>
public sealed class DeleteTeamHandler(L2RDbContext db, AgreementStore agreements) : ICommandHandler<DeleteTeamCommand>
{
    public async ValueTask<Unit> Handle(DeleteTeamCommand command, CancellationToken ct)
    {
        var team = await db.FindTeamAsync(command.Id, ct);
        var active = await agreements.GetActiveAsync(ct);
        if (active.Agreement.Routing.TeamIds().Contains(team.Id))
        {
            throw new ConflictException(
                $"Agreement version {active.Version} routes leads to {team.Name}: change its routing rules first.",
                new Dictionary<string, object?> { ["agreementVersion"] = active.Version });
        }

        db.Teams.Remove(team);
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}
