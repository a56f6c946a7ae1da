using System.Globalization;
using L2R.Domain.Agreements;
using L2R.Domain.Leads;

namespace L2R.Api.Features.Imports;

/// <summary>An activities CSV: the lead's email, the activity's type and time, and its campaign, URL and title.</summary>
public static class ActivityImportFields
{
    public static readonly IReadOnlyList<(string Name, string[] Headers)> All =
    [
        ("email", ["Email", "Email Address", "Lead Email", "Contact Email"]),
        ("type", ["Type", "Activity Type", "Activity", "Event", "Event Type"]),
        ("occurredAt", ["Occurred At", "Time", "Date", "Timestamp", "Activity Date", "Event Time"]),
        ("campaign", ["Campaign", "Campaign Name"]),
        ("url", ["URL", "Page URL", "Link"]),
        ("title", ["Title", "Subject", "Name", "Page Title"]),
    ];

    public static string? Find(string field) => All.FirstOrDefault(f => string.Equals(f.Name, field, StringComparison.OrdinalIgnoreCase)).Name;

    public static string? Suggest(string header) => All.FirstOrDefault(f => f.Headers.Any(h => Key(h) == Key(header))).Name;

    public static ParsedCell Parse(string field, string cell, DateTime now) => field switch
    {
        "email" => ValidEmailCriterion.IsValidEmail(cell) ? ParsedCell.Ok(cell) : ParsedCell.Bad($"\"{cell}\" is not an email address"),
        "type" => Enum.GetValues<ActivityType>().Where(t => Key(t.ToString()) == Key(cell)).Select(t => (ActivityType?)t).FirstOrDefault() is { } type
            ? ParsedCell.Ok(type.ToString())
            : ParsedCell.Bad($"\"{cell}\" is not an activity type ({string.Join(", ", Enum.GetNames<ActivityType>())})"),
        "occurredAt" => DateTime.TryParse(cell, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at)
            ? at <= now.AddMinutes(5) ? ParsedCell.Ok(at.ToString("O", CultureInfo.InvariantCulture)) : ParsedCell.Bad($"{cell} is in the future")
            : ParsedCell.Bad($"\"{cell}\" is not a date and time (e.g. 2026-11-20T14:30:00Z)"),
        "url" => cell.Length <= 2000 ? ParsedCell.Ok(cell) : ParsedCell.Bad("is longer than 2000 characters"),
        "title" => cell.Length <= 500 ? ParsedCell.Ok(cell) : ParsedCell.Bad("is longer than 500 characters"),
        _ => cell.Length <= 200 ? ParsedCell.Ok(cell) : ParsedCell.Bad("is longer than 200 characters"),
    };

    private static string Key(string text) => LeadImportFields.HeaderKey(text);
}
