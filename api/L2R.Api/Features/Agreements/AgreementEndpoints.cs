using L2R.Api.Features.Agreements.ActivateDraft;
using L2R.Api.Features.Agreements.ApproveDraft;
using L2R.Api.Features.Agreements.CreateDraft;
using L2R.Api.Features.Agreements.DiffAgreementVersions;
using L2R.Api.Features.Agreements.DiscardDraft;
using L2R.Api.Features.Agreements.GetActivation;
using L2R.Api.Features.Agreements.GetActiveAgreement;
using L2R.Api.Features.Agreements.GetAgreementDiagram;
using L2R.Api.Features.Agreements.GetAgreementVersion;
using L2R.Api.Features.Agreements.GetDraft;
using L2R.Api.Features.Agreements.GetDraftDiagram;
using L2R.Api.Features.Agreements.GetOpenDraft;
using L2R.Api.Features.Agreements.ListAgreementAudit;
using L2R.Api.Features.Agreements.ListAgreementVersions;
using L2R.Api.Features.Agreements.ListLeadFields;
using L2R.Api.Features.Agreements.ListVersionTransitions;
using L2R.Api.Features.Agreements.SimulateDraft;
using L2R.Api.Features.Agreements.UpdateDraft;
using L2R.Api.Features.Agreements.WithdrawApproval;
using L2R.Api.Features.Users;
using L2R.Api.Infrastructure.Web;
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
        group.MapGet("/versions/{version:int}", async (int version, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetAgreementVersionQuery(version), ct)))
            .WithName("GetAgreementVersion").WithSummary("One version with its content and approvals.");
        group.MapGet("/versions/{version:int}/transitions", async (int version, IMediator mediator, CancellationToken ct, int take = 50) =>
                TypedResults.Ok(await mediator.Send(new ListVersionTransitionsQuery(version, take), ct)))
            .WithName("ListVersionTransitions").WithSummary("The moves judged under one version: counts per trigger and the latest entries.");
        group.MapGet("/diff", async (int from, int to, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new DiffAgreementVersionsQuery(from, to), ct)))
            .WithName("DiffAgreementVersions").WithSummary("What changed between two versions, in plain language.");
        group.MapGet("/diagram", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetAgreementDiagramQuery(), ct)))
            .WithName("GetAgreementDiagram").WithSummary("The lead state machine under the active agreement, as Mermaid text with guard descriptions.");
        group.MapGet("/fields", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListLeadFieldsQuery(), ct)))
            .WithName("ListLeadFields").WithSummary("The lead fields criteria and fit rules may test (custom fields as custom.<name>).");
        group.MapGet("/audit", async (IMediator mediator, CancellationToken ct, int take = 100) => TypedResults.Ok(await mediator.Send(new ListAgreementAuditQuery(take), ct)))
            .WithName("ListAgreementAudit").WithSummary("Who drafted, edited, approved, withdrew and activated which version, newest first.");
        group.MapGet("/activations/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetActivationQuery(id), ct)))
            .WithName("GetActivation").WithSummary("Progress of the re-scoring that follows an activation.");

        var drafts = group.MapGroup("/drafts");
        drafts.MapGet("/open", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetOpenDraftQuery(), ct)))
            .WithName("GetOpenDraft").WithSummary("The tenant's open draft, if any, with who has approved it.");
        drafts.MapPost("/", CreateDraft).WithName("CreateDraft").Idempotent().RequireAuthorization(UsersEndpoints.AdminPolicy)
            .WithSummary("Start the tenant's one draft from the active version, or from any earlier version (a rollback).");
        drafts.MapGet("/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetDraftQuery(id), ct)))
            .WithName("GetDraft").WithSummary("A draft with its content, approvals, missing approvals and problems.");
        drafts.MapPut("/{id:guid}", async (Guid id, UpdateDraftRequest request, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new UpdateDraftCommand(id, request.Agreement, request.Revision), ct)))
            .WithName("UpdateDraft").RequireAuthorization(UsersEndpoints.AdminPolicy)
            .WithSummary("Replace a draft's content; 400 lists problems by field, and any change clears the approvals.");
        drafts.MapDelete("/{id:guid}", DiscardDraft).WithName("DiscardDraft").RequireAuthorization(UsersEndpoints.AdminPolicy)
            .WithSummary("Discard the open draft.");
        drafts.MapPost("/{id:guid}/approvals", async (Guid id, ApproveDraftRequest? request, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ApproveDraftCommand(id, request?.Role, request?.Revision), ct)))
            .WithName("ApproveDraft")
            .WithSummary("Approve the draft's current content for a role you hold (Marketing or Sales); name the role only if you hold both.");
        drafts.MapDelete("/{id:guid}/approvals/mine", async (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new WithdrawApprovalCommand(id), ct)))
            .WithName("WithdrawApproval").WithSummary("Withdraw your approvals of the draft.");
        drafts.MapPost("/{id:guid}/simulation", async (Guid id, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new SimulateDraftCommand(id), ct)))
            .WithName("SimulateDraft").WithSummary("What the draft would do to today's open leads, by transition, source and campaign; changes nothing.");
        drafts.MapPost("/{id:guid}/activate", ActivateDraft).WithName("ActivateDraft").RequireAuthorization(UsersEndpoints.AdminPolicy)
            .WithSummary("Make a signed-off draft the active version; answers with the re-scoring job to follow.");
        drafts.MapGet("/{id:guid}/diagram", async (Guid id, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetDraftDiagramQuery(id), ct)))
            .WithName("GetDraftDiagram").WithSummary("The state machine the draft would build, as Mermaid text.");
    }

    private static async Task<Created<AgreementDraftDto>> CreateDraft(CreateDraftRequest request, IMediator mediator, CancellationToken ct)
    {
        var draft = await mediator.Send(new CreateDraftCommand(request.FromVersion), ct);
        return TypedResults.Created($"/api/agreement/drafts/{draft.Id}", draft);
    }

    private static async Task<NoContent> DiscardDraft(Guid id, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new DiscardDraftCommand(id), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Accepted<AgreementActivationDto>> ActivateDraft(Guid id, IMediator mediator, CancellationToken ct)
    {
        var activation = await mediator.Send(new ActivateDraftCommand(id), ct);
        return TypedResults.Accepted($"/api/agreement/activations/{activation.Id}", activation);
    }
}
