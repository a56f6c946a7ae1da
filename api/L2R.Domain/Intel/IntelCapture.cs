using L2R.Domain.Leads;

namespace L2R.Domain.Intel;

/// <summary>Where field intelligence may be recorded and how its tags and segments are read.</summary>
public static class IntelCapture
{
    public const int MaxLabelLength = 80;
    public const int MaxNoteLength = 500;
    public const int MaxTagsPerKind = 10;

    /// <summary>A rep's own touches: what they heard there is worth keeping; the lead's clicks and opens say nothing of it.</summary>
    public static readonly IReadOnlyList<ActivityType> Activities = [ActivityType.Call, ActivityType.Meeting, ActivityType.EmailSent];

    /// <summary>The moves that carry a reason: the rep says why, and what they heard explains it.</summary>
    public static readonly IReadOnlyList<LeadTrigger> Moves = [LeadTrigger.Reject, LeadTrigger.Recycle, LeadTrigger.Lose, LeadTrigger.Disqualify];

    public static bool CanCarryIntel(ActivityType type) => Activities.Contains(type);

    public static bool CanCarryIntel(LeadTrigger trigger) => Moves.Contains(trigger);

    /// <summary>The label with its spaces tidied: "  hub   spot " is "hub spot".</summary>
    public static string TidyLabel(string label) => string.Join(' ', label.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>The key that makes two labels the same tag: tidied and case-insensitive ("HubSpot" = "hubspot ").</summary>
    public static string NormalizeLabel(string label) => TidyLabel(label).ToUpperInvariant();
}

/// <summary>Company size as marketing segments it; the band's key sorts in size order.</summary>
public static class CompanySizeBand
{
    public static readonly IReadOnlyList<(int UpTo, string Label)> Bands = [(10, "1–10"), (50, "11–50"), (200, "51–200"), (1000, "201–1000"), (int.MaxValue, "1000+")];

    public const string Unknown = "(size unknown)";

    public static string Of(int? employees) => employees switch
    {
        null or < 1 => Unknown,
        var n => Bands.First(b => n <= b.UpTo).Label,
    };

    /// <summary>The employees a band's label holds, for a query to select them; null for <see cref="Unknown"/> or a label that is no band.</summary>
    public static (int From, int UpTo)? Range(string label)
    {
        var index = Bands.Select(b => b.Label).ToList().IndexOf(label);
        return index < 0 ? null : (index == 0 ? 1 : Bands[index - 1].UpTo + 1, Bands[index].UpTo);
    }
}
