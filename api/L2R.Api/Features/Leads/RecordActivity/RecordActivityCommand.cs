using L2R.Domain.Leads;
using Mediator;

namespace L2R.Api.Features.Leads.RecordActivity;

public sealed record RecordActivityRequest(ActivityType Type, DateTime? OccurredAt, string? Campaign, string? Url, string? Title);

public sealed record RecordActivityCommand(Guid LeadId, RecordActivityRequest Activity) : ICommand<RecordActivityResultDto>;

public sealed record RecordActivityResultDto(ActivityDto Activity, LeadDto Lead, IReadOnlyList<HistoryEntryDto> Transitions);
