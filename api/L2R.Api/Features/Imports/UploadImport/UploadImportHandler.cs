using System.Text;
using System.Text.Json;
using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Scheduling;
using L2R.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace L2R.Api.Features.Imports.UploadImport;

/// <summary>
/// Streams the file into the database while reading the form, then checks the header, reads the first rows as samples,
/// settles the mapping and queues the pass. Anything refused (no file, a file too large, not UTF-8, an unusable header,
/// no rows, a bad mapping) removes what was written, so a refused upload leaves nothing behind.
/// </summary>
public sealed class UploadImportHandler(
    L2RDbContext db, ImportFileStore files, ImportScheduler imports, ICurrentUser user, IOptions<ImportOptions> options, TimeProvider clock)
    : ICommandHandler<UploadImportCommand, ImportRunDto>
{
    private const int SampleRows = 3;
    private const int MaxFieldBytes = 64 * 1024;

    public async ValueTask<ImportRunDto> Handle(UploadImportCommand command, CancellationToken ct)
    {
        var boundary = Boundary(command.ContentType);
        var now = clock.GetUtcNow().UtcDateTime;
        var run = new ImportRun { FileName = "", Status = ImportStatus.Uploading, CreatedBy = user.RequiredUserId, CreatedAt = now, DryRun = true };
        db.ImportRuns.Add(run);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        try
        {
            var (fileName, bytes, fields) = await ReadFormAsync(run.Id, new MultipartReader(boundary, command.Body), ct);
            var kind = Parse(fields, "kind", ImportKind.Leads);
            var (header, samples, separator) = await ReadHeadAsync(run.Id, ct);
            var (mapping, templatePolicy) = await ImportMappings.ResolveAsync(db, kind, header, Mapping(fields), fields.GetValueOrDefault("template"), ct);

            run = await db.ImportRuns.SingleAsync(r => r.Id == run.Id, ct);
            run.Kind = kind;
            run.FileName = fileName;
            run.FileBytes = bytes;
            run.Separator = separator.ToString();
            run.Header = header;
            run.Samples = samples;
            run.Mapping = mapping;
            run.TemplateName = string.IsNullOrWhiteSpace(fields.GetValueOrDefault("template")) ? null : fields["template"].Trim();
            run.DuplicatePolicy = fields.ContainsKey("duplicatePolicy") ? Parse(fields, "duplicatePolicy", DuplicatePolicy.Skip) : templatePolicy ?? DuplicatePolicy.Skip;
            run.DryRun = Parse(fields, "dryRun", true);
            run.Status = ImportStatus.Queued;
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            await db.ImportRuns.Where(r => r.Id == run.Id).ExecuteDeleteAsync(CancellationToken.None);
            throw;
        }

        await imports.ScheduleAsync(run.TenantId, run.Id, ct);
        return ImportRunDto.From(run, [], now, options.Value.UndoDays);
    }

    private static string Boundary(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && media.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
        && HeaderUtilities.RemoveQuotes(media.Boundary).Value is { Length: > 0 } boundary
            ? boundary
            : throw RequestValidationException.For("file", "Send the file as multipart/form-data, in a field named \"file\".");

    private async Task<(string FileName, long Bytes, Dictionary<string, string> Fields)> ReadFormAsync(Guid runId, MultipartReader form, CancellationToken ct)
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        (string Name, long Bytes)? file = null;
        while (await form.ReadNextSectionAsync(ct) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
            {
                continue;
            }

            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
            if (disposition.IsFileDisposition() && name.Equals("file", StringComparison.OrdinalIgnoreCase))
            {
                if (file is not null)
                {
                    throw RequestValidationException.For("file", "Send one file per import.");
                }

                var fileName = Path.GetFileName(HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "");
                file = (string.IsNullOrWhiteSpace(fileName) ? "import.csv" : fileName[..Math.Min(260, fileName.Length)],
                    await files.SaveAsync(runId, section.Body, options.Value.MaxFileBytes, ct));
            }
            else if (disposition.IsFormDisposition())
            {
                fields[name] = await ReadFieldAsync(section.Body, name, ct);
            }
        }

        return file is { } f ? (f.Name, f.Bytes, fields) : throw RequestValidationException.For("file", "Attach the CSV file in a form field named \"file\".");
    }

    private static async Task<string> ReadFieldAsync(Stream body, string name, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxFieldBytes)
            {
                throw RequestValidationException.For(name, $"The field is longer than {MaxFieldBytes / 1024} KB.");
            }
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length).Trim();
    }

    /// <summary>The header and the first rows; a file that has no rows, or that cannot be read as CSV, is refused here.</summary>
    private async Task<(List<string> Header, List<List<string>> Samples, char Separator)> ReadHeadAsync(Guid runId, CancellationToken ct)
    {
        try
        {
            using var csv = await ImportCsvReader.OpenAsync(files.OpenRead(runId), ct);
            var samples = new List<List<string>>();
            await foreach (var row in csv.RowsAsync(ct))
            {
                samples.Add([.. row.Fields]);
                if (samples.Count == SampleRows)
                {
                    break;
                }
            }

            return samples.Count > 0
                ? ([.. csv.Header], samples, csv.Separator)
                : throw RequestValidationException.For("file", "The file has a header but no rows to import.");
        }
        catch (ImportFileException bad)
        {
            throw RequestValidationException.For("file", bad.Message);
        }
    }

    private static List<ColumnMapping>? Mapping(Dictionary<string, string> fields)
    {
        if (!fields.TryGetValue("mapping", out var json) || json.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<List<ColumnMapping>>(json, ImportUploadForm.Json)
                ?.Where(m => !string.IsNullOrWhiteSpace(m.Column)).ToList()
                ?? throw new JsonException();
        }
        catch (JsonException)
        {
            throw RequestValidationException.For("mapping", "The mapping is JSON: [{\"column\": \"E-mail\", \"field\": \"email\"}, …].");
        }
    }

    private static T Parse<T>(Dictionary<string, string> fields, string name, T fallback)
        where T : struct =>
        !fields.TryGetValue(name, out var text) || text.Length == 0 ? fallback
        : typeof(T) == typeof(bool) ? bool.TryParse(text, out var flag) ? (T)(object)flag : throw RequestValidationException.For(name, $"{name} is true or false.")
        : Enum.TryParse(typeof(T), text, ignoreCase: true, out var value) && Enum.IsDefined(typeof(T), value!) ? (T)value!
        : throw RequestValidationException.For(name, $"{name} is one of {string.Join(", ", Enum.GetNames(typeof(T)))}.");
}
