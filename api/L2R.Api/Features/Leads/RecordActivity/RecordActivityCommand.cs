using L2R.Domain.Leads;
using Mediator;

namespace L2R.Api.Features.Leads.RecordActivity;

public sealed record RecordActivityRequest(ActivityType Type, DateTime? OccurredAt, string? Campaign, string? Url, string? Title)
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
