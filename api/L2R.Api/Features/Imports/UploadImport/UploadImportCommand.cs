using System.Text.Json;
using L2R.Api.Infrastructure.Data;
using Mediator;

namespace L2R.Api.Features.Imports.UploadImport;

/// <summary>The multipart body of <c>POST /api/imports</c>, read as it streams in: the file goes to the database chunk by chunk.</summary>
public sealed record UploadImportCommand(Stream Body, string? ContentType) : ICommand<ImportRunDto>;

/// <summary>
/// The form of <c>POST /api/imports</c> as the OpenAPI document describes it. <c>mapping</c> is JSON, e.g.
/// <c>[{"column":"E-mail","field":"email"},{"column":"Lead Status","field":"custom.Lead Status"}]</c>; without it the named
/// <c>template</c>'s mapping is used, else the one suggested from the header. <c>dryRun</c> defaults to true.
/// </summary>
public sealed class ImportUploadForm
{
    public required IFormFile File { get; init; }
    public ImportKind? Kind { get; init; }
    public string? Mapping { get; init; }
    public string? Template { get; init; }
    public DuplicatePolicy? DuplicatePolicy { get; init; }
    public bool? DryRun { get; init; }

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
