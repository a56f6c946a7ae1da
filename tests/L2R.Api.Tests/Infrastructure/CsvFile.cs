using CsvHelper;

namespace L2R.Api.Tests.Infrastructure;

/// <summary>Reads a CSV answer into rows of fields (the header first), with the same library the API writes it with.</summary>
public static class CsvFile
{
    public static List<List<string>> Read(byte[] bytes)
    {
        using var csv = CsvReader.Create(bytes, new CsvReaderOptions { HasHeader = false, Separator = ',' });
        var rows = new List<List<string>>();
        while (csv.Read())
        {
            rows.Add(Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i)).ToList());
        }

        return rows;
    }
}
