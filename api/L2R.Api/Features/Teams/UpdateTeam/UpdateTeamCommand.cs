using FluentValidation;
using L2R.Api.Features.Agreements;
using L2R.Api.Infrastructure.Data;
using Mediator;

namespace L2R.Api.Features.Teams.UpdateTeam;

/// <summary>Replaces a team's name, lead and members; leads already assigned keep their owners.</summary>
public sealed record UpdateTeamCommand(Guid Id, TeamRequest Team) : ICommand<TeamDto>;

public sealed class UpdateTeamValidator : AbstractValidator<UpdateTeamCommand>
{
    public UpdateTeamValidator() => RuleFor(c => c.Team).NotNull().SetValidator(new TeamRequestValidator());
}

public sealed class UpdateTeamHandler(L2RDbContext db, AgreementStore agreements, TimeProvider clock) : ICommandHandler<UpdateTeamCommand, TeamDto>
{
    public async ValueTask<TeamDto> Handle(UpdateTeamCommand command, CancellationToken ct)
    {
        var team = await db.FindTeamAsync(command.Id, ct);
        await db.ApplyAsync(team, command.Team, clock.GetUtcNow().UtcDateTime, ct);
        await db.SaveChangesAsync(ct);
        return await db.ToDtoAsync(agreements, team, ct);
    }
}
