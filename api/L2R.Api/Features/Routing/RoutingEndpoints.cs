using L2R.Api.Features.Routing.GetFairness;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace L2R.Api.Features.Routing;

public static class RoutingEndpoints
{
    public const string FairnessPolicy = "FairnessReader";

    public static void MapRouting(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/routing").WithTags("Routing").RequireAuthorization(FairnessPolicy);
        group.MapGet("/fairness", GetFairness).WithName("GetFairness")
            .WithSummary("The fairness ledger per team member over [from, to) (default: the last 30 days): the share by weight against leads received, with credits for leads that came back (rejected, recycled, reassigned away).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static async Task<Ok<FairnessDto>> GetFairness(DateTime? from, DateTime? to, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetFairnessQuery(from, to), ct));
}
