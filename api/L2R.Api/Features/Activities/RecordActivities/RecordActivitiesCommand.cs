using System.Text.Json.Serialization;
using L2R.Api.Features.Leads;
using L2R.Api.Features.Leads.RecordActivity;
using L2R.Domain.Leads;
using Mediator;

namespace L2R.Api.Features.Activities.RecordActivities;

/// <summary>
/// One activity for the lead with <see cref="LeadId"/> or, instead, the lead with <see cref="Email"/>; with
/// <see cref="NewLead"/>, a lead not found by its email is created from it first (this needs <c>leads:write</c> too).
/// </summary>
public sealed record ActivityItem(
    Guid? LeadId, string? Email, ActivityType Type, DateTime? OccurredAt, string? Campaign, string? Url, string? Title, LeadProfile? NewLead)
{
    /// <summary>The item as the single-activity request the mover's path takes; derived, so not part of the request body.</summary>
    [JsonIgnore]
    public RecordActivityRequest Activity => new(Type, OccurredAt, Campaign, Url, Title);
}

/// <summary>Up to 1,000 activities in one transaction, each answered on its own.</summary>
public sealed record RecordActivitiesCommand(IReadOnlyList<ActivityItem> Items) : ICommand<RecordActivitiesResultDto>;

/// <summary>What became of item <see cref="Index"/>: 201 recorded (with <see cref="LeadCreated"/> when its lead was made for it) or 404 no such lead.</summary>
public sealed record ActivityItemResultDto(int Index, int Status, Guid? LeadId, Guid? ActivityId, bool LeadCreated, string? Error);

/// <summary>A result per item, in order, and how many moves the mover made after them.</summary>
public sealed record RecordActivitiesResultDto(IReadOnlyList<ActivityItemResultDto> Results, int Moves);
