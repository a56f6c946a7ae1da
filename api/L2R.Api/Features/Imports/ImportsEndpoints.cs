using L2R.Api.Features.Imports.CancelImport;
using L2R.Api.Features.Imports.DeleteImportTemplate;
using L2R.Api.Features.Imports.DryRunImport;
using L2R.Api.Features.Imports.GetImport;
using L2R.Api.Features.Imports.GetImportErrors;
using L2R.Api.Features.Imports.ListImports;
using L2R.Api.Features.Imports.ListImportTemplates;
using L2R.Api.Features.Imports.SaveImportTemplate;
using L2R.Api.Features.Imports.StartImport;
using L2R.Api.Features.Imports.UndoImport;
using L2R.Api.Features.Imports.UploadImport;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace L2R.Api.Features.Imports;

public static class ImportsEndpoints
{
    /// <summary>Marketing brings leads in; an Admin may too. Sales and integrations may not.</summary>
    public const string ImporterPolicy = "Importer";

    public static void MapImports(this IEndpointRouteBuilder app)
    {
        var maxFile = app.ServiceProvider.GetRequiredService<IOptions<ImportOptions>>().Value.MaxFileBytes;
        var group = app.MapGroup("/api/imports").WithTags("Imports").RequireAuthorization(ImporterPolicy)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        // The form's other fields and its boundaries travel beside the file: allow them a little room above the file's limit.
        group.MapPost("/", Upload).WithName("UploadImport")
            .WithMetadata(new RequestSizeLimitAttribute(maxFile + (64 * 1024)))
            .Accepts<ImportUploadForm>("multipart/form-data")
            .WithSummary("Upload a CSV file (multipart, streamed, at most Import:MaxFileMegabytes) with a mapping or template and a duplicate policy; 202 with the run, whose dry run (the default) or import runs in the background.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        group.MapGet("/", List).WithName("ListImports").WithSummary("The tenant's import runs, newest first.").ProducesValidationProblem();
        group.MapGet("/{id:guid}", Get).WithName("GetImport")
            .WithSummary("One run: status, counts by outcome (the dry run's forecast beside the run's), stage counts, progress with rows/s and ETA, first errors.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/dry-run", DryRun).WithName("DryRunImport")
            .WithSummary("Run a dry run again on the stored file with a new mapping, template or duplicate policy.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/start", Start).WithName("StartImport")
            .WithSummary("Import a completed dry run's file for real, as it was forecast; or continue a failed import after its last committed batch.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{id:guid}/errors", Errors).WithName("GetImportErrors")
            .WithSummary("The rows the last pass could not take, as CSV: line, column, reason, then the row as the file had it.")
            .Produces<Stream>(StatusCodes.Status200OK, CsvResults.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/cancel", Cancel).WithName("CancelImport")
            .WithSummary("Cancel a queued run at once, or a running one after its current batch (what it committed stays, and can be undone).")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/undo", Undo).WithName("UndoImport")
            .WithSummary("Undo an import within Import:UndoDays: its leads removed, the fields it changed restored, its activities removed; leads worked since are left alone and listed.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/templates", ListTemplates).WithName("ListImportTemplates").WithSummary("The tenant's saved column mappings.");
        group.MapPut("/templates/{name}", SaveTemplate).WithName("SaveImportTemplate")
            .WithSummary("Save a column mapping (and duplicate policy) under a name, replacing one of the same name and kind.")
            .ProducesValidationProblem();
        group.MapDelete("/templates/{name}", DeleteTemplate).WithName("DeleteImportTemplate").WithSummary("Delete a saved mapping.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Accepted<ImportRunDto>> Upload(HttpRequest request, IMediator mediator, CancellationToken ct)
    {
        var run = await mediator.Send(new UploadImportCommand(request.Body, request.ContentType), ct);
        return TypedResults.Accepted($"/api/imports/{run.Id}", run);
    }

    private static async Task<Ok<IReadOnlyList<ImportRunDto>>> List(IMediator mediator, CancellationToken ct, int take = 50) =>
        TypedResults.Ok(await mediator.Send(new ListImportsQuery(take), ct));

    private static async Task<Ok<ImportRunDto>> Get(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetImportQuery(id), ct));

    private static async Task<Accepted<ImportRunDto>> DryRun(Guid id, DryRunImportRequest request, IMediator mediator, CancellationToken ct) =>
        TypedResults.Accepted($"/api/imports/{id}", await mediator.Send(new DryRunImportCommand(id, request), ct));

    private static async Task<Accepted<ImportRunDto>> Start(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Accepted($"/api/imports/{id}", await mediator.Send(new StartImportCommand(id), ct));

    private static async Task<PushStreamHttpResult> Errors(Guid id, IMediator mediator, CancellationToken ct)
    {
        var report = await mediator.Send(new GetImportErrorsQuery(id), ct);
        return CsvResults.Stream(report.FileName, report.Columns, report.Rows);
    }

    private static async Task<Ok<ImportRunDto>> Cancel(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new CancelImportCommand(id), ct));

    private static async Task<Ok<ImportRunDto>> Undo(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new UndoImportCommand(id), ct));

    private static async Task<Ok<IReadOnlyList<ImportTemplateDto>>> ListTemplates(IMediator mediator, CancellationToken ct, ImportKind? kind = null) =>
        TypedResults.Ok(await mediator.Send(new ListImportTemplatesQuery(kind), ct));

    private static async Task<Ok<ImportTemplateDto>> SaveTemplate(string name, SaveImportTemplateRequest request, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new SaveImportTemplateCommand(name, request), ct));

    private static async Task<NoContent> DeleteTemplate(string name, IMediator mediator, CancellationToken ct, ImportKind kind = ImportKind.Leads)
    {
        await mediator.Send(new DeleteImportTemplateCommand(name, kind), ct);
        return TypedResults.NoContent();
    }
}
