using FluentValidation;
using L2R.Api.Features.Agreements;
using L2R.Api.Infrastructure.Data;
using L2R.Domain.Routing;
using Mediator;

namespace L2R.Api.Features.Teams.CreateTeam;

public sealed record CreateTeamCommand(TeamRequest Team) : ICommand<TeamDto>;

public sealed class CreateTeamValidator : AbstractValidator<CreateTeamCommand>
{
    public CreateTeamValidator() => RuleFor(c => c.Team).NotNull().SetValidator(new TeamRequestValidator());
}

public sealed class CreateTeamHandler(L2RDbContext db, AgreementStore agreements, TimeProvider clock) : ICommandHandler<CreateTeamCommand, TeamDto>
{
    public async ValueTask<TeamDto> Handle(CreateTeamCommand command, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var team = new Team { Name = "", CreatedAt = now };
        await db.ApplyAsync(team, command.Team, now, ct);
        db.Teams.Add(team);
        await db.SaveChangesAsync(ct);
        return await db.ToDtoAsync(agreements, team, ct);
    }
}
