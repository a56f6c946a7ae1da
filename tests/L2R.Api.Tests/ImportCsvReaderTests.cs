using System.Text;
using L2R.Api.Features.Imports;

namespace L2R.Api.Tests;

/// <summary>What the import reads from a CSV file, without a database: encodings, line ends, quoting, separators, shapes.</summary>
public sealed class ImportCsvReaderTests
{
    [Fact]
    public async Task Bom_Crlf_QuotedCommasQuotesAndLineBreaks_AndEmptyLines_ReadAsWritten()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(
            "Email,Company,Title\r\nann@x.example,\"Acme, Inc.\",\"The \"\"Boss\"\"\"\r\n\r\nbo@x.example,\"Two\r\nLines\",CTO\r\n")).ToArray();

        var (header, rows) = await ReadAsync(bytes);

        Assert.Equal(["Email", "Company", "Title"], header);
        Assert.Equal(2, rows.Count);
        Assert.Equal(["ann@x.example", "Acme, Inc.", "The \"Boss\""], rows[0].Fields);
        Assert.Equal(["bo@x.example", "Two\r\nLines", "CTO"], rows[1].Fields);
        Assert.Equal((2L, 4L), (rows[0].Line, rows[1].Line));
        Assert.All(rows, r => Assert.Null(r.Problem));
    }

    [Fact]
    public async Task Semicolons_AreDetected_AndCommasInsideAreText()
    {
        var (header, rows) = await ReadAsync("Email;Company\nann@x.example;Acme, Inc.\n"u8.ToArray());

        Assert.Equal(["Email", "Company"], header);
        Assert.Equal(["ann@x.example", "Acme, Inc."], Assert.Single(rows).Fields);
    }

    [Fact]
    public async Task BrokenQuotingOrTooManyFields_MakeThatRowAProblem_AndTheRestIsRead()
    {
        var (_, rows) = await ReadAsync("Email,Name\na@x.example,5\"10\nb@x.example,\"ab\"c\nc@x.example,Ann,extra\nd@x.example,ok\ne@x.example\n"u8.ToArray());

        Assert.Equal(5, rows.Count);
        Assert.Contains("double quote", rows[0].Problem);
        Assert.Contains("closing quote", rows[1].Problem);
        Assert.Contains("3 fields but the header has 2", rows[2].Problem);
        Assert.Null(rows[3].Problem);
        Assert.Equal(["e@x.example", ""], rows[4].Fields);
        Assert.Equal("c@x.example,Ann,extra", rows[2].Raw);
    }

    [Fact]
    public async Task HeaderOnly_HasNoRows()
    {
        var (header, rows) = await ReadAsync("Email,Name\r\n"u8.ToArray());

        Assert.Equal(["Email", "Name"], header);
        Assert.Empty(rows);
    }

    [Theory]
    [InlineData("", "The file is empty")]
    [InlineData("Email\tName\na@x.example\tAnn\n", "Line 1: separate the columns with commas or semicolons (this file uses tabs)")]
    [InlineData("Email,Name,email\n", "Line 1: the column \"Email\" appears more than once (columns 1 and 3)")]
    public async Task UnusableHeaders_AreRefused_NamingTheLine(string csv, string message)
    {
        var refused = await Assert.ThrowsAsync<ImportFileException>(() => ReadAsync(Encoding.UTF8.GetBytes(csv)));

        Assert.StartsWith(message, refused.Message);
    }

    [Fact]
    public async Task TheExportsFormulaApostrophe_IsTakenBack()
    {
        var (_, rows) = await ReadAsync("Name,Phone\n'=SUM(A1),'+1 555 0100\n'plain,x\n"u8.ToArray());

        Assert.Equal(["=SUM(A1)", "+1 555 0100"], rows[0].Fields);
        Assert.Equal("'plain", rows[1].Fields[0]);
    }

    [Theory]
    [InlineData("51-200", "51")]
    [InlineData("10,001+", "10001")]
    [InlineData("1000 to 5000", "1000")]
    [InlineData(" 250 ", "250")]
    [InlineData("lots", null)]
    public void CompanySize_ReadsCountsAndRangesAsTheirLowerBound(string cell, string? expected) =>
        Assert.Equal(expected, LeadImportFields.Find("companySize")!.Parse(cell.Trim()).Value);

    [Theory]
    [InlineData("2500000", "2500000")]
    [InlineData("$1,500,000.50", "1500000.50")]
    [InlineData("2.5M", "2500000.0")]
    [InlineData("750k", "750000")]
    [InlineData("a lot", null)]
    public void AnnualRevenue_ReadsAmountsWithSeparatorsAndUnits(string cell, string? expected) =>
        Assert.Equal(expected, LeadImportFields.Find("annualRevenue")!.Parse(cell).Value);

    [Theory]
    [InlineData("First Name", "firstName")]
    [InlineData("Last Name", "lastName")]
    [InlineData("Email", "email")]
    [InlineData("E-mail", "email")]
    [InlineData("Company Name", "company")]
    [InlineData("Job Title", "title")]
    [InlineData("Phone Number", "phone")]
    [InlineData("Lead Source", "source")]
    [InlineData("Annual Revenue", "annualRevenue")]
    [InlineData("No. of Employees", "companySize")]
    [InlineData("Number of Employees", "companySize")]
    [InlineData("Industry", "industry")]
    [InlineData("Country/Region", "country")]
    [InlineData("Lead Status", "custom.Lead Status")]
    [InlineData("Stage", null)]
    [InlineData("Favourite colour", null)]
    public void Suggestions_KnowHubSpotAndSalesforceHeaders(string header, string? field) =>
        Assert.Equal(field, LeadImportFields.Suggest(header));

    private static async Task<(IReadOnlyList<string> Header, List<CsvRow> Rows)> ReadAsync(byte[] bytes)
    {
        using var reader = await ImportCsvReader.OpenAsync(new MemoryStream(bytes), CancellationToken.None);
        var rows = new List<CsvRow>();
        await foreach (var row in reader.RowsAsync(CancellationToken.None))
        {
            rows.Add(row);
        }

        return (reader.Header, rows);
    }
}
