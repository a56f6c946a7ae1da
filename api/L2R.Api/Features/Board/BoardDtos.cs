using L2R.Api.Features.Slas;
using L2R.Domain.Leads;

namespace L2R.Api.Features.Board;

/// <summary>A card shows the stored score (the board's cache) with the instant it was computed, <c>scoredAt</c>, and the lead's most pressing SLA clock.</summary>
public sealed record CardDto(
    Guid Id,
    string Name,
    string? Company,
    int TotalScore,
    int FitScore,
    int EngagementScore,
    DateTime ScoredAt,
    Guid? OwnerId,
    string? OwnerName,
    string? Source,
    string? Campaign,
    LeadState State,
    DateTime StageEnteredAt,
    int Version,
    SlaSummaryDto? Sla);

public sealed record BoardColumnDto(LeadState State, int Count, IReadOnlyList<CardDto> Cards, string? NextCursor);

public sealed record BoardDto(IReadOnlyList<BoardColumnDto> Columns);
