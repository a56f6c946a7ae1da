using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace L2R.Bench.Reporting;

/// <summary>One figure of the table: its value, the raw baseline it is compared with, and the target it is held to.</summary>
public sealed record Figure(
    string Scenario,
    string Name,
    double? Value,
    string Unit,
    double? Baseline = null,
    double? Ratio = null,
    string Target = "",
    bool? Pass = null,
    string Note = "");

public sealed class Report
{
    private readonly List<Figure> _figures = [];

    public JsonObject Details { get; } = [];

    public IReadOnlyList<Figure> Figures => _figures;

    public void Add(Figure figure) => _figures.Add(figure);

    public static string Format(double? value, string unit = "") => value switch
    {
        null => "—",
        double v when double.IsNaN(v) => "—",
        double v when unit == "×" => v.ToString(v >= 100 ? "0" : v >= 10 ? "0.0" : v >= 0.1 ? "0.00" : "0.0###", CultureInfo.InvariantCulture) + "×",
        double v when Math.Abs(v) >= 1000 => v.ToString("#,0", CultureInfo.InvariantCulture) + (unit.Length > 0 ? " " + unit : ""),
        double v when Math.Abs(v) >= 100 => v.ToString("0", CultureInfo.InvariantCulture) + (unit.Length > 0 ? " " + unit : ""),
        double v when Math.Abs(v) >= 10 => v.ToString("0.0", CultureInfo.InvariantCulture) + (unit.Length > 0 ? " " + unit : ""),
        double v => v.ToString("0.00", CultureInfo.InvariantCulture) + (unit.Length > 0 ? " " + unit : ""),
    };

    public string ToTable()
    {
        var header = new[] { "scenario", "figure", "value", "raw baseline", "ratio", "target", "result" };
        var rows = _figures.Select(f => new[]
        {
            f.Scenario,
            f.Name,
            Format(f.Value, f.Unit),
            f.Baseline is null ? "—" : Format(f.Baseline, f.Unit),
            f.Ratio is null ? "—" : Format(f.Ratio, "×"),
            f.Target.Length == 0 ? "—" : f.Target,
            f.Pass switch { true => "pass", false => "FAIL", null => f.Note.Length > 0 ? f.Note : "—" },
        }).ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        var text = new StringBuilder();
        void Line(string[] cells) => text.AppendLine("| " + string.Join(" | ", cells.Select((c, i) => i is 2 or 3 or 4 ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))) + " |");
        Line(header);
        text.AppendLine("|" + string.Join("|", widths.Select((w, i) => i is 2 or 3 or 4 ? new string('-', w + 1) + ":" : ":" + new string('-', w + 1))) + "|");
        foreach (var row in rows)
        {
            Line(row);
        }

        return text.ToString();
    }

    public void WriteJson(string path, JsonObject run)
    {
        var figures = new JsonArray();
        foreach (var f in _figures)
        {
            figures.Add(new JsonObject
            {
                ["scenario"] = f.Scenario,
                ["figure"] = f.Name,
                ["value"] = Number(f.Value),
                ["unit"] = f.Unit,
                ["baseline"] = Number(f.Baseline),
                ["ratio"] = Number(f.Ratio),
                ["target"] = f.Target.Length == 0 ? null : f.Target,
                ["pass"] = f.Pass,
                ["note"] = f.Note.Length == 0 ? null : f.Note,
            });
        }

        var document = new JsonObject
        {
            ["run"] = run,
            ["figures"] = figures,
            ["details"] = Details.DeepClone(),
        };
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, document.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    private static JsonNode? Number(double? value) => value is { } v && double.IsFinite(v) ? JsonValue.Create(Math.Round(v, 4)) : null;
}
