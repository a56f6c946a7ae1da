using L2R.Api.Features.Intel.AddTag;
using L2R.Api.Features.Intel.GetCompetitors;
using L2R.Api.Features.Intel.GetPains;
using L2R.Api.Features.Intel.GetReception;
using L2R.Api.Features.Intel.GetTagFrequency;
using L2R.Api.Features.Intel.ListIntelLeads;
using L2R.Api.Features.Intel.ListTags;
using L2R.Api.Features.Intel.MergeTag;
using L2R.Api.Features.Intel.UpdateTag;
using L2R.Api.Features.Metrics;
using L2R.Api.Features.Users;
using L2R.Domain.Intel;
using L2R.Domain.Leads;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace L2R.Api.Features.Intel;

public static class IntelEndpoints
{
    public static void MapIntel(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/intel").WithTags("Intel").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/tags", ListTags).WithName("ListIntelTags")
            .WithSummary("The tenant's tag lists (competitors, pains, objections, questions), most mentioned first; retired tags only with includeRetired.");
        group.MapPost("/tags", AddTag).WithName("AddIntelTag").ProducesValidationProblem()
            .WithSummary("Add a tag on the fly (every user); a label already on the kind's list, ignoring case, answers 200 with that tag instead of a duplicate.");
        group.MapPut("/tags/{id:guid}", UpdateTag).WithName("UpdateIntelTag").RequireAuthorization(UsersEndpoints.AdminPolicy)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Rename a tag, retire it (kept on history, no longer offered) or offer it again (Admin).");
        group.MapPost("/tags/{id:guid}/merge-into/{other:guid}", MergeTag).WithName("MergeIntelTag").RequireAuthorization(UsersEndpoints.AdminPolicy)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Merge a tag into another of its kind (Admin): its mentions move over and it is retired; answers the tag merged into.");

        var rollups = group.MapGroup("").RequireAuthorization(MetricsEndpoints.ReadPolicy).ProducesValidationProblem();
        rollups.MapGet("/frequency", GetTagFrequency).WithName("GetIntelFrequency")
            .WithSummary("The tags of one kind heard in the period, by the distinct leads they came up on (the questions leads ask most, the objections met).");
        rollups.MapGet("/competitors", GetCompetitors).WithName("GetIntelCompetitors")
            .WithSummary("Competitors by frequency with a trend per week or month in the tenant's time zone, and the leads they came up on that are Won or Lost.");
        rollups.MapGet("/pains", GetPains).WithName("GetIntelPains")
            .WithSummary("The pains leads named per segment: industry, company size band or source.");
        rollups.MapGet("/reception", GetReception).WithName("GetIntelReception")
            .WithSummary("How each campaign's message landed: distinct leads per verdict (resonated, fell flat, confused).");
        rollups.MapGet("/leads", ListIntelLeads).WithName("ListIntelLeads").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The leads behind one count (same filters plus the count's tag, kind, verdict, outcome or segment), with their intel and notes; the total equals the count.");
    }

    private static async Task<Ok<IReadOnlyList<IntelTagDto>>> ListTags(IMediator mediator, CancellationToken ct, IntelKind? kind = null, bool includeRetired = false) =>
        TypedResults.Ok(await mediator.Send(new ListTagsQuery(kind, includeRetired), ct));

    private static async Task<Results<Created<IntelTagDto>, Ok<IntelTagDto>>> AddTag(AddTagRequest request, IMediator mediator, CancellationToken ct)
    {
        var result = await mediator.Send(new AddTagCommand(request), ct);
        return result.Created ? TypedResults.Created($"/api/intel/tags/{result.Tag.Id}", result.Tag) : TypedResults.Ok(result.Tag);
    }

    private static async Task<Ok<IntelTagDto>> UpdateTag(Guid id, UpdateTagRequest request, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new UpdateTagCommand(id, request), ct));

    private static async Task<Ok<IntelTagDto>> MergeTag(Guid id, Guid other, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new MergeTagCommand(id, other), ct));

    private static async Task<Ok<TagFrequencyDto>> GetTagFrequency([AsParameters] IntelParameters filter, IntelKind kind, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetTagFrequencyQuery(filter, kind), ct));

    private static async Task<Ok<CompetitorReportDto>> GetCompetitors([AsParameters] IntelParameters filter, IMediator mediator, CancellationToken ct, TrendBucket bucket = TrendBucket.Week) =>
        TypedResults.Ok(await mediator.Send(new GetCompetitorsQuery(filter, bucket), ct));

    private static async Task<Ok<PainsReportDto>> GetPains([AsParameters] IntelParameters filter, IMediator mediator, CancellationToken ct, PainSegment groupBy = PainSegment.Industry) =>
        TypedResults.Ok(await mediator.Send(new GetPainsQuery(filter, groupBy), ct));

    private static async Task<Ok<ReceptionReportDto>> GetReception([AsParameters] IntelParameters filter, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetReceptionQuery(filter), ct));

    private static async Task<Ok<IntelLeadPageDto>> ListIntelLeads(
        [AsParameters] IntelParameters filter, IMediator mediator, CancellationToken ct,
        Guid? tagId = null, IntelKind? kind = null, MessageVerdict? verdict = null, LeadState? outcome = null, PainSegment? groupBy = null, string? group = null,
        int page = 1, int pageSize = 50) =>
        TypedResults.Ok(await mediator.Send(new ListIntelLeadsQuery(filter, tagId, kind, verdict, outcome, groupBy, group, page, pageSize), ct));
}
