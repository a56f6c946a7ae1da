using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace L2R.Api.Features.Agreements;

public static class AgreementEndpoints
{
    public static void MapAgreement(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/agreement").WithTags("Agreement").RequireAuthorization();
        group.MapGet("/", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetActiveAgreementQuery(), ct)))
            .WithName("GetActiveAgreement").WithSummary("The active lead agreement: scoring, guards, reasons, SLAs.");
        group.MapGet("/versions", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListAgreementVersionsQuery(), ct)))
            .WithName("ListAgreementVersions").WithSummary("Every version of the tenant's agreement, newest first.");
        group.MapGet("/diagram", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetAgreementDiagramQuery(), ct)))
            .WithName("GetAgreementDiagram").WithSummary("The lead state machine under the active agreement, as Mermaid text with guard descriptions.");
    }
}
