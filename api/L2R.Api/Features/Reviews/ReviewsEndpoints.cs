using L2R.Api.Features.Reviews.AddReviewAction;
using L2R.Api.Features.Reviews.AddReviewNote;
using L2R.Api.Features.Reviews.DeleteReviewNote;
using L2R.Api.Features.Reviews.GenerateBrief;
using L2R.Api.Features.Reviews.GetBrief;
using L2R.Api.Features.Reviews.GetReview;
using L2R.Api.Features.Reviews.GetReviewCadence;
using L2R.Api.Features.Reviews.ListReviewPeople;
using L2R.Api.Features.Reviews.ListReviews;
using L2R.Api.Features.Reviews.RecordDecision;
using L2R.Api.Features.Reviews.UpdateReviewAction;
using L2R.Api.Features.Reviews.UpdateReviewCadence;
using L2R.Api.Features.Reviews.UpdateReviewNote;
using L2R.Api.Features.Users;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using L2R.Api.Infrastructure.Data;
using Microsoft.Net.Http.Headers;

namespace L2R.Api.Features.Reviews;

/// <summary>
/// The joint review of marketing and sales. For people only: no scope opens it to API clients (integrators hear of a
/// ready brief through the <c>review.brief_ready</c> event). Marketing, Sales and Admins take part; Admins set the
/// cadence, and only they record decisions that change the agreement (the handler checks that one).
/// </summary>
public static class ReviewsEndpoints
{
    public const string ParticipantPolicy = "ReviewParticipant";

    public static void MapReviews(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/reviews").WithTags("Reviews").RequireAuthorization(ParticipantPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/cadence", GetCadence).WithName("GetReviewCadence")
            .WithSummary("When the review meets (weekday, every N weeks, first date, local time in the tenant's time zone), who takes part, and the brief's noise thresholds.");
        group.MapPut("/cadence", UpdateCadence).WithName("UpdateReviewCadence").RequireAuthorization(UsersEndpoints.AdminPolicy).ProducesValidationProblem()
            .WithSummary("Set the cadence, participants and thresholds (Admin); unprepared future reviews move with it.");
        group.MapGet("/people", ListPeople).WithName("ListReviewPeople").WithSummary("The tenant's active people, to name as participants and action owners.");
        group.MapGet("/", ListReviews).WithName("ListReviews").WithSummary("The next review and the past ones, newest first.");
        group.MapGet("/{id:guid}", GetReview).WithName("GetReview").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One review: agenda, comments, decisions, actions and its brief versions.");
        group.MapGet("/{id:guid}/brief", GetBrief).WithName("GetReviewBrief").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The review's latest brief, or `version`; Accept: text/markdown answers it as Markdown for a calendar invite.");
        group.MapGet("/{id:guid}/brief.md", GetBriefMarkdown).WithName("GetReviewBriefMarkdown").ProducesProblem(StatusCodes.Status404NotFound)
            .Produces<Stream>(StatusCodes.Status200OK, BriefMarkdown.ContentType)
            .WithSummary("The brief as a Markdown file (the latest, or `version`).");
        group.MapPost("/{id:guid}/brief", GenerateBrief).WithName("GenerateReviewBrief").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Generate the brief again now, as a new version; earlier versions are kept.");
        group.MapPost("/{id:guid}/agenda", (Guid id, ReviewNoteRequest request, IMediator mediator, CancellationToken ct) => AddNote(id, ReviewNoteKind.AgendaItem, request, mediator, ct))
            .WithName("AddReviewAgendaItem").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("Add an agenda item.");
        group.MapPost("/{id:guid}/comments", (Guid id, ReviewNoteRequest request, IMediator mediator, CancellationToken ct) => AddNote(id, ReviewNoteKind.Comment, request, mediator, ct))
            .WithName("AddReviewComment").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("Add a comment.");
        group.MapPut("/{id:guid}/notes/{noteId:guid}", UpdateNote).WithName("UpdateReviewNote").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Reword your own agenda item or comment.");
        group.MapDelete("/{id:guid}/notes/{noteId:guid}", DeleteNote).WithName("DeleteReviewNote").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Delete your own agenda item or comment.");
        group.MapPost("/{id:guid}/decisions", RecordDecision).WithName("RecordReviewDecision").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Record a decision; a named change (criterion value, reason added or retired, rule points, SLA target) becomes an edit of the agreement draft (Admin).");
        group.MapPost("/{id:guid}/actions", AddAction).WithName("AddReviewAction").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Add an action with its owner and due date.");
        group.MapPut("/{id:guid}/actions/{actionId:guid}", UpdateAction).WithName("UpdateReviewAction").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).WithSummary("Change an action's title, owner, due date or status (open, done, dropped).");
    }

    private static async Task<Ok<ReviewCadenceDto>> GetCadence(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetReviewCadenceQuery(), ct));

    private static async Task<Ok<ReviewCadenceDto>> UpdateCadence(UpdateReviewCadenceRequest request, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new UpdateReviewCadenceCommand(request), ct));

    private static async Task<Ok<IReadOnlyList<ReviewPersonDto>>> ListPeople(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListReviewPeopleQuery(), ct));

    private static async Task<Ok<IReadOnlyList<ReviewSummaryDto>>> ListReviews(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListReviewsQuery(), ct));

    private static async Task<Ok<ReviewDto>> GetReview(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetReviewQuery(id), ct));

    private static async Task<Results<Ok<ReviewBriefDto>, ContentHttpResult>> GetBrief(Guid id, IMediator mediator, HttpRequest request, CancellationToken ct, int? version = null)
    {
        var brief = await mediator.Send(new GetBriefQuery(id, version), ct);
        var wantsMarkdown = request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals(BriefMarkdown.ContentType, StringComparison.OrdinalIgnoreCase));
        return wantsMarkdown ? Markdown(brief, request) : TypedResults.Ok(brief);
    }

    private static async Task<ContentHttpResult> GetBriefMarkdown(Guid id, IMediator mediator, HttpRequest request, CancellationToken ct, int? version = null)
    {
        var brief = await mediator.Send(new GetBriefQuery(id, version), ct);
        request.HttpContext.Response.Headers[HeaderNames.ContentDisposition] = $"attachment; filename=\"review-{brief.ReviewDate:yyyy-MM-dd}-brief-v{brief.Version}.md\"";
        return Markdown(brief, request);
    }

    private static ContentHttpResult Markdown(ReviewBriefDto brief, HttpRequest request) =>
        TypedResults.Text(BriefMarkdown.Render(brief, $"{request.Scheme}://{request.Host}"), $"{BriefMarkdown.ContentType}; charset=utf-8");

    private static async Task<Created<ReviewBriefDto>> GenerateBrief(Guid id, IMediator mediator, CancellationToken ct)
    {
        var brief = await mediator.Send(new GenerateBriefCommand(id), ct);
        return TypedResults.Created($"/api/reviews/{id}/brief?version={brief.Version}", brief);
    }

    private static async Task<Created<ReviewNoteDto>> AddNote(Guid id, ReviewNoteKind kind, ReviewNoteRequest request, IMediator mediator, CancellationToken ct)
    {
        var note = await mediator.Send(new AddReviewNoteCommand(id, kind, request.Text), ct);
        return TypedResults.Created($"/api/reviews/{id}", note);
    }

    private static async Task<Ok<ReviewNoteDto>> UpdateNote(Guid id, Guid noteId, ReviewNoteRequest request, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new UpdateReviewNoteCommand(id, noteId, request.Text), ct));

    private static async Task<NoContent> DeleteNote(Guid id, Guid noteId, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new DeleteReviewNoteCommand(id, noteId), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Created<ReviewDecisionDto>> RecordDecision(Guid id, RecordDecisionRequest request, IMediator mediator, CancellationToken ct)
    {
        var decision = await mediator.Send(new RecordDecisionCommand(id, request.Text, request.Change), ct);
        return TypedResults.Created($"/api/reviews/{id}", decision);
    }

    private static async Task<Created<ReviewActionDto>> AddAction(Guid id, ReviewActionRequest request, IMediator mediator, CancellationToken ct)
    {
        var action = await mediator.Send(new AddReviewActionCommand(id, request), ct);
        return TypedResults.Created($"/api/reviews/{id}", action);
    }

    private static async Task<Ok<ReviewActionDto>> UpdateAction(Guid id, Guid actionId, ReviewActionRequest request, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new UpdateReviewActionCommand(id, actionId, request), ct));
}
