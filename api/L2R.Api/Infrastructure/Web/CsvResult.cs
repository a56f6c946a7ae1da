using System.Globalization;
using System.Reflection;
using System.Text.Json;
using CsvHelper;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace L2R.Api.Infrastructure.Web;

/// <summary>
/// An answer as CSV for a client that asks for it (<c>Accept: text/csv</c>): the rows of its JSON's main table, with
/// the same values, times written as the JSON writes them, and headers named as the JSON properties (a DTO inside a
/// row adds its own columns). CsvHelper does the RFC 4180 quoting and escapes a cell that a spreadsheet would run as a
/// formula, since names, labels and notes are user input.
/// </summary>
public sealed class CsvResult<TRow>(IEnumerable<TRow> rows, string fileName) : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult, IContentTypeHttpResult
{
    private const string UtcTime = "yyyy-MM-ddTHH:mm:ss.FFFFFFFK";

    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with { Injection = CsvInjection.Escape, FormatProvider = CultureInfo.InvariantCulture };

    private static readonly IReadOnlyList<(string Name, Func<object, object?> Read)> Columns = ColumnsOf(typeof(TRow), "");

    public int? StatusCode => StatusCodes.Status200OK;

    public string ContentType => Csv.MediaType + "; charset=utf-8";

    /// <summary>Not a response type of its own (ApiExplorer keeps one per status, and JSON must stay the 200's schema): <see cref="CsvAlternativeFilter"/> adds text/csv beside it.</summary>
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => builder.Metadata.Add(CsvAlternative.Instance);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = ContentType;
        httpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        await using var csv = CsvWriter.Create(httpContext.Response.Body, Options, leaveOpen: true);
        csv.WriteHeader([.. Columns.Select(c => c.Name)]);
        foreach (var row in rows)
        {
            foreach (var (_, read) in Columns)
            {
                switch (read(row!))
                {
                    case DateTime time:
                        csv.WriteField(time, UtcTime);
                        break;
                    case var value:
                        csv.WriteField(value);
                        break;
                }
            }

            await csv.EndRecordAsync(httpContext.RequestAborted);
        }

        await csv.FlushAsync(httpContext.RequestAborted);
    }

    /// <summary>The public properties of a row in declaration order; a property holding a DTO stands for that DTO's columns.</summary>
    private static List<(string Name, Func<object, object?> Read)> ColumnsOf(Type type, string prefix) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .OrderBy(p => p.MetadataToken)
            .SelectMany(p => IsDto(p.PropertyType)
                ? ColumnsOf(p.PropertyType, prefix).Select(c => (c.Name, (Func<object, object?>)(row => p.GetValue(row) is { } inner ? c.Read(inner) : null)))
                : [(prefix + JsonNamingPolicy.CamelCase.ConvertName(p.Name), (Func<object, object?>)p.GetValue)])
            .ToList();

    private static bool IsDto(Type type) => type.IsClass && type != typeof(string);
}

/// <summary>Marks an endpoint whose 200 answer also comes as CSV.</summary>
public sealed class CsvAlternative
{
    public static readonly CsvAlternative Instance = new();
}

/// <summary>Lists text/csv beside the JSON of the 200 answer of every endpoint marked with <see cref="CsvAlternative"/>.</summary>
public sealed class CsvAlternativeFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<CsvAlternative>().Any()
            && operation.Responses?.TryGetValue("200", out var ok) == true && ok.Content is { } content)
        {
            content[Csv.MediaType] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
        }
    }
}

public static class Csv
{
    public const string MediaType = "text/csv";

    /// <summary>CSV when the client asks for it and not for JSON; JSON otherwise.</summary>
    public static bool AcceptsCsv(this HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        return accept.Any(a => a.MediaType.Equals(MediaType, StringComparison.OrdinalIgnoreCase))
            && !accept.Any(a => a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The JSON answer, or the rows of its main table as CSV.</summary>
    public static Results<Ok<T>, CsvResult<TRow>> JsonOrCsv<T, TRow>(this HttpRequest request, T answer, Func<T, IEnumerable<TRow>> rows, string fileName) =>
        request.AcceptsCsv() ? new CsvResult<TRow>(rows(answer), fileName) : TypedResults.Ok(answer);
}
