using System.Runtime.CompilerServices;
using System.Text;
using CsvHelper;

namespace L2R.Api.Features.Imports;

/// <summary>A file that cannot be read as CSV at all; the message names the line.</summary>
public sealed class ImportFileException(string message) : Exception(message);

/// <summary>One data record: the line it starts on, its fields (trimmed, as many as the header), the record as written, and what is wrong with its quoting or shape.</summary>
public sealed record CsvRow(long Line, string[] Fields, string Raw, string? Problem);

/// <summary>
/// Reads an uploaded CSV file as the import accepts it: UTF-8 with or without a BOM, CRLF or LF, RFC 4180 quoting
/// (separators, quotes and line breaks inside quoted fields), comma or semicolon separated (detected), empty lines
/// skipped. A record with broken quoting or more fields than the header is returned with its problem, so it becomes an
/// error row and the rest of the file goes on; a header that cannot be used refuses the whole file.
/// </summary>
public sealed class ImportCsvReader : IDisposable
{
    private const int MaxRecordBytes = 1024 * 1024;
    private readonly CsvReader _csv;
    private CsvMalformedRecord? _malformed;

    private ImportCsvReader(Stream stream) =>
        _csv = CsvReader.Create(stream, new CsvReaderOptions
        {
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            TrimWhitespace = true,
            MalformedData = CsvMalformedDataHandling.Recover,
            MaxRecordSize = MaxRecordBytes,
            OnMalformedRecord = record => _malformed = record,
        });

    public IReadOnlyList<string> Header { get; private set; } = [];

    public char Separator => _csv.Separator;

    /// <summary>Opens the file and checks its header: present, comma or semicolon separated, every column named once.</summary>
    public static async Task<ImportCsvReader> OpenAsync(Stream stream, CancellationToken ct)
    {
        var reader = new ImportCsvReader(stream);
        try
        {
            await reader._csv.ReadHeaderAsync(ct);
            reader.Header = CheckHeader(reader._csv.Headers, reader._csv.Separator);
            return reader;
        }
        catch (CsvFormatException bad)
        {
            reader.Dispose();
            throw new ImportFileException($"Line 1 cannot be read as a CSV header: {bad.Message}");
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    public async IAsyncEnumerable<CsvRow> RowsAsync([EnumeratorCancellation] CancellationToken ct)
    {
        while (await ReadAsync(ct))
        {
            var count = _csv.FieldCount;
            var fields = new string[Header.Count];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = i < count ? Defused(_csv.GetString(i)) : "";
            }

            var problem = _malformed is { } malformed ? Explain(malformed.Reason)
                : count > Header.Count ? $"it has {count} fields but the header has {Header.Count}; put fields that contain a \"{Separator}\" in double quotes"
                : null;
            _malformed = null;
            yield return new CsvRow(_csv.LineNumber, fields, Encoding.UTF8.GetString(_csv.RawRecord), problem);
        }
    }

    public void Dispose() => _csv.Dispose();

    private async ValueTask<bool> ReadAsync(CancellationToken ct)
    {
        try
        {
            return await _csv.ReadAsync(ct);
        }
        catch (CsvFormatException bad)
        {
            throw new ImportFileException(
                $"Line {(bad.LineNumber > 0 ? bad.LineNumber : _csv.LineNumber)}: a record longer than {MaxRecordBytes / 1024} KB; a quoted field is probably never closed.");
        }
    }

    private static List<string> CheckHeader(IReadOnlyList<string> names, char separator)
    {
        if (names.Count == 0 || names.All(string.IsNullOrWhiteSpace))
        {
            throw new ImportFileException("The file is empty: line 1 should name the columns.");
        }

        if (separator is not (',' or ';'))
        {
            throw new ImportFileException($"Line 1: separate the columns with commas or semicolons (this file uses {(separator == '\t' ? "tabs" : $"\"{separator}\"")}).");
        }

        var header = names.Select((name, i) => string.IsNullOrWhiteSpace(name) ? $"Column {i + 1}" : name.Trim()).ToList();
        var twice = header.Select((name, i) => (name, i)).GroupBy(c => c.name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new ImportFileException($"Line 1: the column \"{twice.Key}\" appears more than once (columns {string.Join(" and ", twice.Select(c => c.i + 1))}); name each column once.");
        }

        return header;
    }

    /// <summary>Takes back the apostrophe our export (and OWASP's advice) puts before text a spreadsheet would run as a formula.</summary>
    private static string Defused(string value) =>
        value.Length > 1 && value[0] == '\'' && value[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? value[1..] : value;

    private static string Explain(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.StrayQuote => "a field that does not start with a double quote contains one; put the whole field in double quotes and double the quote inside",
        CsvMalformedReason.TextAfterClosingQuote => "text follows the closing quote of a field; double a quote that is part of the value",
        CsvMalformedReason.UnterminatedQuote => "a quoted field is never closed",
        _ => "its quoting is broken",
    };
}
