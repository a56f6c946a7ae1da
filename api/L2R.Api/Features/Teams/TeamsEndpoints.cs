using L2R.Api.Features.Teams.CreateTeam;
using L2R.Api.Features.Teams.DeleteTeam;
using L2R.Api.Features.Teams.GetTeam;
using L2R.Api.Features.Teams.ListTeams;
using L2R.Api.Features.Teams.UpdateTeam;
using L2R.Api.Features.Users;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace L2R.Api.Features.Teams;

public static class TeamsEndpoints
{
    public static void MapTeams(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/teams").WithTags("Teams").RequireAuthorization();
        group.MapGet("/", ListTeams).WithName("ListTeams")
            .WithSummary("The tenant's teams: members with weights, caps and open leads, the team lead, and the queue of leads waiting for capacity.");
        group.MapPost("/", CreateTeam).WithName("CreateTeam").RequireAuthorization(UsersEndpoints.AdminPolicy)
            .WithSummary("Create a team (Admin); members and the lead must be users of this tenant.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{id:guid}", GetTeam).WithName("GetTeam").WithSummary("One team with its members and queue.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id:guid}", UpdateTeam).WithName("UpdateTeam").RequireAuthorization(UsersEndpoints.AdminPolicy)
            .WithSummary("Replace a team's name, lead and members (Admin).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/{id:guid}", DeleteTeam).WithName("DeleteTeam").RequireAuthorization(UsersEndpoints.AdminPolicy)
            .WithSummary("Delete a team (Admin); 409 while the active agreement routes leads to it.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Ok<IReadOnlyList<TeamDto>>> ListTeams(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListTeamsQuery(), ct));

    private static async Task<CreatedAtRoute<TeamDto>> CreateTeam(TeamRequest request, IMediator mediator, CancellationToken ct)
    {
        var team = await mediator.Send(new CreateTeamCommand(request), ct);
        return TypedResults.CreatedAtRoute(team, "GetTeam", new { id = team.Id });
    }

    private static async Task<Ok<TeamDto>> GetTeam(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetTeamQuery(id), ct));

    private static async Task<Ok<TeamDto>> UpdateTeam(Guid id, TeamRequest request, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new UpdateTeamCommand(id, request), ct));

    private static async Task<NoContent> DeleteTeam(Guid id, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new DeleteTeamCommand(id), ct);
        return TypedResults.NoContent();
    }
}
