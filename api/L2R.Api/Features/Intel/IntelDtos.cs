using System.ComponentModel;
using System.Text.Json.Serialization;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Web;
using L2R.Domain.Intel;
using L2R.Domain.Leads;

namespace L2R.Api.Features.Intel;

[WrittenInFull]
public sealed record IntelTagDto(
    Guid Id,
    IntelKind Kind,
    string Label,
    [property: Description("Retired tags stay on the history that carries them but are not offered.")]
    bool Retired,
    [property: Description("The tag this one was merged into; null unless merged.")]
    Guid? MergedIntoId,
    [property: Description("How many intel records carry the tag.")]
    int Mentions,
    int Version)
{
    public static IntelTagDto From(IntelTag tag, int mentions) =>
        new(tag.Id, tag.Kind, tag.Label, tag.RetiredAt is not null, tag.MergedIntoId, mentions, tag.Version);
}

public sealed record AddTagRequest(IntelKind Kind, string Label);

public sealed record UpdateTagRequest(
    [property: Description("The new label; unique in the tag's kind (ignoring case).")]
    string Label,
    [property: Description("True retires the tag (no longer offered); false offers it again.")]
    bool Retired);

/// <summary>How a campaign's message landed; the campaign defaults to the lead's.</summary>
public sealed record MessageReceptionRequest(string? Campaign, MessageVerdict Verdict);

[Description("What the rep heard: tag ids of the tenant's lists per kind, how a campaign's message landed, and a short note. Every part is optional.")]
public sealed record IntelRequest(
    IReadOnlyList<Guid>? Competitors = null,
    IReadOnlyList<Guid>? Pains = null,
    IReadOnlyList<Guid>? Objections = null,
    IReadOnlyList<Guid>? Questions = null,
    MessageReceptionRequest? Reception = null,
    [property: Description("At most 500 characters.")]
    string? Note = null)
{
    public IEnumerable<(IntelKind Kind, Guid TagId)> TagIds() =>
        Of(IntelKind.Competitor, Competitors).Concat(Of(IntelKind.Pain, Pains)).Concat(Of(IntelKind.Objection, Objections)).Concat(Of(IntelKind.Question, Questions));

    /// <summary>Nothing heard: no tag, no verdict, no note (an empty object sent by a form left closed).</summary>
    [JsonIgnore]
    public bool IsEmpty => !TagIds().Any() && Reception is null && string.IsNullOrWhiteSpace(Note);

    private static IEnumerable<(IntelKind, Guid)> Of(IntelKind kind, IReadOnlyList<Guid>? ids) => (ids ?? []).Distinct().Select(id => (kind, id));
}

[WrittenInFull]
public sealed record IntelTagRefDto(Guid Id, IntelKind Kind, string Label, bool Retired);

[WrittenInFull]
[Description("Intel recorded on a lead, with the activity or move it came with.")]
public sealed record LeadIntelDto(
    Guid Id,
    Guid LeadId,
    Guid? ActivityId,
    ActivityType? ActivityType,
    Guid? TransitionId,
    LeadTrigger? Trigger,
    string? Campaign,
    MessageVerdict? Verdict,
    string? Note,
    IReadOnlyList<IntelTagRefDto> Tags,
    Guid? RecordedBy,
    string RecordedByName,
    DateTime RecordedAt);
