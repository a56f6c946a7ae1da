using L2R.Api.Features.Agreements;
using L2R.Api.Infrastructure.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Teams.ListTeams;

public sealed record ListTeamsQuery : IQuery<IReadOnlyList<TeamDto>>;

public sealed class ListTeamsHandler(L2RDbContext db, AgreementStore agreements) : IQueryHandler<ListTeamsQuery, IReadOnlyList<TeamDto>>
{
    public async ValueTask<IReadOnlyList<TeamDto>> Handle(ListTeamsQuery query, CancellationToken ct) =>
        await db.ToDtosAsync(agreements, await db.Teams.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct), ct);
}
