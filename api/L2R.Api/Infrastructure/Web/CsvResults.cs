using CsvHelper;
using Microsoft.AspNetCore.Http.HttpResults;

namespace L2R.Api.Infrastructure.Web;

/// <summary>CSV answers written to the response as their rows arrive, so no answer is held whole in memory.</summary>
public static class CsvResults
{
    public const string ContentType = "text/csv";

    /// <summary>
    /// Text that a spreadsheet would run as a formula (starting with = + - @) gets a leading apostrophe, as OWASP advises;
    /// the import strips it again, so an export imports back unchanged.
    /// </summary>
    public static readonly CsvWriterOptions WriterOptions = new() { Injection = CsvInjection.Escape };

    public static PushStreamHttpResult Stream(string fileName, IReadOnlyList<string> header, IAsyncEnumerable<string?[]> rows) =>
        TypedResults.Stream(
            async body =>
            {
                await using var csv = CsvWriter.Create(body, WriterOptions, leaveOpen: true);
                csv.WriteHeader(header.ToArray());
                await foreach (var row in rows)
                {
                    await csv.WriteRecordAsync(row!);
                }

                await csv.FlushAsync();
            },
            ContentType,
            fileName);
}
