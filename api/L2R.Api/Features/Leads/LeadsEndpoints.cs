using L2R.Api.Features.Leads.BulkCampaign;
using L2R.Api.Features.Leads.BulkOwner;
using L2R.Api.Features.Leads.BulkTransitions;
using L2R.Api.Features.Leads.CreateLead;
using L2R.Api.Features.Leads.ExportLeads;
using L2R.Api.Features.Leads.FireTrigger;
using L2R.Api.Features.Leads.GetActivity;
using L2R.Api.Features.Leads.GetLead;
using L2R.Api.Features.Leads.GetLeadFeedback;
using L2R.Api.Features.Leads.GetLeadHistory;
using L2R.Api.Features.Leads.GetLeadScore;
using L2R.Api.Features.Leads.GetLeadSla;
using L2R.Api.Features.Leads.GetLeadTransitions;
using L2R.Api.Features.Leads.ListActivities;
using L2R.Api.Features.Leads.ListDuplicates;
using L2R.Api.Features.Leads.ListLeads;
using L2R.Api.Features.Leads.MergeLeads;
using L2R.Api.Features.Leads.RecordActivity;
using L2R.Api.Features.Leads.UpdateLead;
using L2R.Api.Features.Slas;
using L2R.Api.Features.Leads.UpsertLead;
using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Web;
using L2R.Domain.Leads;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace L2R.Api.Features.Leads;

public static class LeadsEndpoints
{
    public static void MapLeads(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/leads").WithTags("Leads").RequireAuthorization();
        group.MapGet("/", ListLeads).WithName("ListLeads").RequireScope(ApiScopes.LeadsRead)
            .WithSummary("Leads of the tenant, filtered, sorted and paged: by nextCursor (keyset, fast at any depth) or by page number.")
            .ProducesValidationProblem();
        group.MapGet("/export", ExportLeads).WithName("ExportLeads").RequireScope(ApiScopes.LeadsRead)
            .WithSummary("The list's filter and order as a CSV file, streamed row by row; every role may export what it can see.")
            .Produces<Stream>(StatusCodes.Status200OK, CsvResults.ContentType)
            .ProducesValidationProblem();
        group.MapGet("/duplicates", ListDuplicates).WithName("ListDuplicateLeads").RequireScope(ApiScopes.LeadsRead)
            .WithSummary("Leads that are probably one person (the same mailbox; the same name at the same company), in groups, to merge.")
            .ProducesValidationProblem();
        group.MapPost("/{id:guid}/merge", MergeLeads).WithName("MergeLeads").RequireScope(ApiScopes.LeadsWrite)
            .WithSummary("Absorb another lead into this one (Marketing or Admin), choosing the surviving value per field; both activities and histories stay under this lead, and the absorbed id answers 404 with mergedInto.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapPost("/bulk/owner", BulkOwner).WithName("BulkAssignOwner").RequireScope(ApiScopes.LeadsWrite)
            .WithSummary("Assign many leads to one owner (Sales or Admin), or unassign them; a result per lead.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/bulk/transitions", BulkTransitions).WithName("BulkFireTrigger").RequireScope(ApiScopes.TransitionsWrite)
            .WithSummary("Fire one trigger with one reason for many leads, each through the agreement's guard; a result per lead with the refusal's problem.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/bulk/campaign", BulkCampaign).WithName("BulkSetCampaign").RequireScope(ApiScopes.LeadsWrite)
            .WithSummary("Set (or, with an empty string, clear) the campaign of many leads; a result per lead.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/", CreateLead).WithName("CreateLead")
            .WithRequestExample(new { firstName = "Vera", lastName = "Vance", email = "vera@globex.example", company = "Globex", title = "VP Operations", companySize = 500, source = "Website" }).Idempotent().RequireScope(ApiScopes.LeadsWrite)
            .WithSummary("Create a lead; it is scored and auto-advanced at once. 409 when the tenant already has a lead with the email.");
        group.MapPost("/upsert", UpsertLead).WithName("UpsertLead")
            .WithRequestExample(new { email = "vera@globex.example", title = "VP Operations", campaign = "Spring Launch" }).RequireScope(ApiScopes.LeadsWrite).Idempotent()
            .WithSummary("Create or edit the lead with the email in the body (fields left out are kept); 201 when created, 200 when edited.");
        group.MapGet("/{id:guid}", GetLead).WithName("GetLead").RequireScope(ApiScopes.LeadsRead).WithSummary("One lead; its ETag is its version.");
        group.MapPatch("/{id:guid}", UpdateLead).WithName("UpdateLead").RequireScope(ApiScopes.LeadsWrite)
            .WithSummary("Edit a lead (fields left out keep their value, an empty string clears one); If-Match makes a stale edit a 412.")
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapGet("/{id:guid}/transitions", GetTransitions).WithName("GetLeadTransitions").RequireScope(ApiScopes.LeadsRead)
            .WithSummary("Every move from the lead's stage: target, whether you may make it, reasons, and each criterion as it evaluates now.");
        group.MapPost("/{id:guid}/transitions", FireTrigger).WithName("FireTrigger")
            .WithRequestExample(new { trigger = LeadTrigger.Reject, reasonCode = "no-need", note = "Budget frozen until Q3" }).Idempotent().RequireScope(ApiScopes.TransitionsWrite)
            .WithSummary("Move a lead by firing a trigger; 422 lists the agreement's unmet criteria.")
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .Produces<GuardUnmetProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json");
        group.MapGet("/{id:guid}/history", GetHistory).WithName("GetLeadHistory").RequireScope(ApiScopes.LeadsRead)
            .WithSummary("Stage moves with agreement version and criteria, and field edits with who changed what.");
        group.MapGet("/{id:guid}/feedback", GetFeedback).WithName("GetLeadFeedback")
            .WithSummary("The reasons the lead was rejected, recycled, lost, disqualified or reopened with, the agreement clause each disputes, and the notes; newest first.");
        group.MapPost("/{id:guid}/activities", RecordActivity).WithName("RecordActivity")
            .WithRequestExample(new { type = ActivityType.Webinar, title = "Pipeline webinar" }).Idempotent().RequireScope(ApiScopes.ActivitiesWrite)
            .WithSummary("Record an activity; the lead is re-scored and auto-advanced.");
        group.MapGet("/{id:guid}/activities", ListActivities).WithName("ListActivities").RequireScope(ApiScopes.LeadsRead).WithSummary("The lead's journey, newest first.");
        group.MapGet("/{id:guid}/activities/{activityId:guid}", GetActivity).WithName("GetActivity").RequireScope(ApiScopes.LeadsRead).WithSummary("One activity of the lead's journey.");
        group.MapGet("/{id:guid}/sla", GetSla).WithName("GetLeadSla").RequireScope(ApiScopes.LeadsRead)
            .WithSummary("The lead's SLA clocks, newest first: started, due and warning instants, pauses, met or breached, with the agreement version.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:guid}/score", GetScore).WithName("GetLeadScore").RequireScope(ApiScopes.LeadsRead).WithSummary("The score breakdown: each rule and activity and the points it gives now.");
    }

    private static async Task<Ok<LeadPageDto>> ListLeads(
        [AsParameters] LeadListParameters filter, IMediator mediator, CancellationToken ct, int page = 1, int pageSize = 50, string? cursor = null) =>
        TypedResults.Ok(await mediator.Send(new ListLeadsQuery(filter.ToFilter(), filter.SortField, filter.SortOrder, page, pageSize, cursor), ct));

    private static async Task<PushStreamHttpResult> ExportLeads([AsParameters] LeadListParameters filter, IMediator mediator, CancellationToken ct)
    {
        var export = await mediator.Send(new ExportLeadsQuery(filter.ToFilter(), filter.SortField, filter.SortOrder), ct);
        return CsvResults.Stream("leads.csv", export.Columns, export.Rows);
    }

    private static async Task<Ok<IReadOnlyList<DuplicateGroupDto>>> ListDuplicates(IMediator mediator, CancellationToken ct, int take = 50) =>
        TypedResults.Ok(await mediator.Send(new ListDuplicatesQuery(take), ct));

    private static async Task<Ok<LeadMovesDto>> MergeLeads(
        Guid id, MergeLeadsRequest request, IMediator mediator, HttpContext http, CancellationToken ct,
        [FromHeader(Name = "If-Match")] string? ifMatch = null)
    {
        var result = await mediator.Send(new MergeLeadsCommand(id, ETags.ParseIfMatch(ifMatch), request), ct);
        http.Response.Headers.ETag = ETags.For(result.Lead.Version);
        return TypedResults.Ok(result);
    }

    private static async Task<Ok<BulkResultDto>> BulkOwner(BulkOwnerCommand command, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(command, ct));

    private static async Task<Ok<BulkResultDto>> BulkTransitions(BulkTransitionsCommand command, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(command, ct));

    private static async Task<Ok<BulkResultDto>> BulkCampaign(BulkCampaignCommand command, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(command, ct));

    private static async Task<Created<LeadMovesDto>> CreateLead(CreateLeadCommand command, IMediator mediator, HttpContext http, CancellationToken ct)
    {
        var result = await mediator.Send(command, ct);
        http.Response.Headers.ETag = ETags.For(result.Lead.Version);
        return TypedResults.Created($"/api/leads/{result.Lead.Id}", result);
    }

    private static async Task<Results<Created<UpsertLeadResultDto>, Ok<UpsertLeadResultDto>>> UpsertLead(UpdateLeadRequest lead, IMediator mediator, CancellationToken ct)
    {
        var result = await mediator.Send(new UpsertLeadCommand(lead), ct);
        return result.Created ? TypedResults.Created($"/api/leads/{result.Lead.Id}", result) : TypedResults.Ok(result);
    }

    private static async Task<Ok<LeadDto>> GetLead(Guid id, IMediator mediator, HttpContext http, CancellationToken ct)
    {
        var lead = await mediator.Send(new GetLeadQuery(id), ct);
        http.Response.Headers.ETag = ETags.For(lead.Version);
        return TypedResults.Ok(lead);
    }

    private static async Task<Ok<LeadMovesDto>> UpdateLead(
        Guid id, UpdateLeadRequest changes, IMediator mediator, HttpContext http, CancellationToken ct,
        [FromHeader(Name = "If-Match")] string? ifMatch = null)
    {
        var result = await mediator.Send(new UpdateLeadCommand(id, ETags.ParseIfMatch(ifMatch), changes), ct);
        http.Response.Headers.ETag = ETags.For(result.Lead.Version);
        return TypedResults.Ok(result);
    }

    private static async Task<Ok<IReadOnlyList<TransitionOptionDto>>> GetTransitions(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetLeadTransitionsQuery(id), ct));

    private static async Task<Ok<LeadMovesDto>> FireTrigger(
        Guid id, FireTriggerRequest request, IMediator mediator, HttpContext http, CancellationToken ct,
        [FromHeader(Name = "If-Match")] string? ifMatch = null)
    {
        var result = await mediator.Send(new FireTriggerCommand(id, request.Trigger, request.ReasonCode, request.Note, ETags.ParseIfMatch(ifMatch), request.Intel), ct);
        http.Response.Headers.ETag = ETags.For(result.Lead.Version);
        return TypedResults.Ok(result);
    }

    private static async Task<Ok<LeadHistoryDto>> GetHistory(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetLeadHistoryQuery(id), ct));

    private static async Task<Ok<IReadOnlyList<LeadFeedbackDto>>> GetFeedback(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetLeadFeedbackQuery(id), ct));

    private static async Task<Created<RecordActivityResultDto>> RecordActivity(Guid id, RecordActivityRequest request, IMediator mediator, CancellationToken ct)
    {
        var result = await mediator.Send(new RecordActivityCommand(id, request), ct);
        return TypedResults.Created($"/api/leads/{id}/activities/{result.Activity.Id}", result);
    }

    private static async Task<Ok<IReadOnlyList<ActivityDto>>> ListActivities(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListActivitiesQuery(id), ct));

    private static async Task<Ok<ActivityDto>> GetActivity(Guid id, Guid activityId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetActivityQuery(id, activityId), ct));

    private static async Task<Ok<IReadOnlyList<SlaClockDto>>> GetSla(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetLeadSlaQuery(id), ct));

    private static async Task<Ok<ScoreBreakdownDto>> GetScore(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetLeadScoreQuery(id), ct));
}
