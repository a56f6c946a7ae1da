using L2R.Api.Features.Agreements;
using L2R.Api.Infrastructure.Data;
using Mediator;

namespace L2R.Api.Features.Teams.GetTeam;

public sealed record GetTeamQuery(Guid Id) : IQuery<TeamDto>;

public sealed class GetTeamHandler(L2RDbContext db, AgreementStore agreements) : IQueryHandler<GetTeamQuery, TeamDto>
{
    public async ValueTask<TeamDto> Handle(GetTeamQuery query, CancellationToken ct) =>
        await db.ToDtoAsync(agreements, await db.FindTeamAsync(query.Id, ct), ct);
}
