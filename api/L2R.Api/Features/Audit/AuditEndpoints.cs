using L2R.Api.Features.Audit.ListAudit;
using L2R.Api.Features.Users;
using Mediator;

namespace L2R.Api.Features.Audit;

public static class AuditEndpoints
{
    public static void MapAudit(this IEndpointRouteBuilder app) =>
        app.MapGroup("/api/audit").WithTags("Audit").RequireAuthorization(UsersEndpoints.AdminPolicy)
            .MapGet("/", async (IMediator mediator, CancellationToken ct, int take = 100) => TypedResults.Ok(await mediator.Send(new ListAuditQuery(take), ct)))
            .WithName("ListAudit").WithSummary("Bulk changes to the tenant's data, newest first: imports undone, leads merged (Admin).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
}
