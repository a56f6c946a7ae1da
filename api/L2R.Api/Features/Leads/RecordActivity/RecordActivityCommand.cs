using L2R.Api.Features.Intel;
using L2R.Domain.Leads;
using Mediator;

namespace L2R.Api.Features.Leads.RecordActivity;

/// <param name="Intel">What the rep heard on a call, meeting or email of theirs; recorded with the activity.</param>
public sealed record RecordActivityRequest(ActivityType Type, DateTime? OccurredAt, string? Campaign, string? Url, string? Title, IntelRequest? Intel = null)
{
    /// <summary>The activity on <paramref name="lead"/>; without a campaign of its own it counts for the lead's.</summary>
    public LeadActivity ToActivity(Lead lead, Guid? recordedBy, DateTime now) => new()
    {
        LeadId = lead.Id,
        Type = Type,
        OccurredAt = OccurredAt?.ToUniversalTime() ?? now,
        Campaign = string.IsNullOrWhiteSpace(Campaign) ? lead.Campaign : Campaign.Trim(),
        Url = Url?.Trim(),
        Title = Title?.Trim(),
        RecordedBy = recordedBy,
        RecordedAt = now,
    };
}

public sealed record RecordActivityCommand(Guid LeadId, RecordActivityRequest Activity) : ICommand<RecordActivityResultDto>;

public sealed record RecordActivityResultDto(ActivityDto Activity, LeadDto Lead, IReadOnlyList<HistoryEntryDto> Transitions);
