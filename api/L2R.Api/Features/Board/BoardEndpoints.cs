using L2R.Api.Features.Board.GetBoard;
using L2R.Api.Features.Board.GetBoardColumn;
using L2R.Api.Features.Leads;
using L2R.Api.Infrastructure.Auth;
using L2R.Domain.Leads;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace L2R.Api.Features.Board;

public static class BoardEndpoints
{
    public static void MapBoard(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/board").WithTags("Board").RequireAuthorization().RequireScope(ApiScopes.LeadsRead);
        group.MapGet("/", GetBoard).WithName("GetBoard")
            .WithSummary("A column per stage with its count and first cards (best score first); owner is a user id, \"me\" or \"none\".");
        group.MapGet("/{state}", GetColumn).WithName("GetBoardColumn").WithSummary("The next page of one column, from the cursor the board gave.");
    }

    private static async Task<Ok<BoardDto>> GetBoard(
        IMediator mediator, CancellationToken ct, string? owner = null, string? source = null, string? campaign = null, string? text = null, int take = 25) =>
        TypedResults.Ok(await mediator.Send(new GetBoardQuery(new LeadFilter(owner, source, campaign, text), take), ct));

    private static async Task<Ok<BoardColumnDto>> GetColumn(
        LeadState state, IMediator mediator, CancellationToken ct,
        string? cursor = null, string? owner = null, string? source = null, string? campaign = null, string? text = null, int take = 25) =>
        TypedResults.Ok(await mediator.Send(new GetBoardColumnQuery(state, cursor, new LeadFilter(owner, source, campaign, text), take), ct));
}
