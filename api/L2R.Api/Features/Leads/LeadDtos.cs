using System.Linq.Expressions;
using L2R.Api.Features.Slas;
using L2R.Api.Infrastructure.Data;
using L2R.Domain.Agreements;
using L2R.Domain.Leads;

namespace L2R.Api.Features.Leads;

/// <summary>A lead with its scores as of the answer (every command re-scores the lead it writes, and reads score it as of now) and its most pressing SLA clock.</summary>
public sealed record LeadDto(
    Guid Id,
    LeadState State,
    int Version,
    string? FirstName,
    string? LastName,
    string Name,
    string? Email,
    string? Phone,
    string? Title,
    string? Company,
    string? Website,
    string? Industry,
    string? Country,
    int? CompanySize,
    decimal? AnnualRevenue,
    string? Source,
    string? Campaign,
    Guid? OwnerId,
    string? OwnerName,
    bool Budget,
    bool Authority,
    bool Need,
    bool Timeline,
    decimal? Amount,
    DateTime? ExpectedCloseDate,
    int FitScore,
    int EngagementScore,
    int TotalScore,
    IReadOnlyDictionary<string, string> CustomFields,
    DateTime StageEnteredAt,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    SlaSummaryDto? Sla)
{
    public static LeadDto From(Lead l, string? ownerName, SlaSummaryDto? sla) => new(
        l.Id, l.State, l.Version, l.FirstName, l.LastName, l.DisplayName, l.Email, l.Phone, l.Title, l.Company, l.Website,
        l.Industry, l.Country, l.CompanySize, l.AnnualRevenue, l.Source, l.Campaign, l.OwnerId, ownerName,
        l.Budget, l.Authority, l.Need, l.Timeline, l.Amount, l.ExpectedCloseDate,
        l.FitScore, l.EngagementScore, l.TotalScore, l.CustomFields, l.StageEnteredAt, l.CreatedAt, l.UpdatedAt, sla);
}

/// <summary>
/// One history entry: a creation (no <c>from</c>, no <c>trigger</c>; <c>importRunId</c> when a CSV import brought the
/// lead in), a move, or a merge (<c>mergedLeadId</c> is the lead absorbed into this one).
/// </summary>
public sealed record HistoryEntryDto(
    Guid Id,
    Guid LeadId,
    HistoryEntryKind Kind,
    LeadState? From,
    LeadState To,
    LeadTrigger? Trigger,
    ActorKind ActorKind,
    Guid? ActorUserId,
    Guid? ActorClientId,
    string ActorName,
    DateTime OccurredAt,
    int AgreementVersion,
    string? ReasonCode,
    string? ReasonLabel,
    string? Note,
    IReadOnlyList<CriterionEvaluation> Criteria,
    Guid? ImportRunId,
    Guid? MergedLeadId)
{
    /// <summary><paramref name="names"/> holds users' and API clients' names by id (see <see cref="LeadReads.ActorNamesAsync"/>).</summary>
    public static HistoryEntryDto Of(LeadTransition t, IReadOnlyDictionary<Guid, string> names) => new(
        t.Id, t.LeadId, t.Kind, t.From, t.To, t.Trigger, t.ActorKind, t.ActorUserId, t.ActorClientId,
        LeadReads.ActorName(t.ActorUserId, t.ActorClientId, names) ?? t.ActorKind.ToString().ToLowerInvariant(),
        t.OccurredAt, t.AgreementVersion, t.ReasonCode, t.ReasonLabel, t.Note, t.Criteria, t.ImportRunId, t.MergedLeadId);
}

public sealed record ActivityDto(Guid Id, ActivityType Type, DateTime OccurredAt, string? Campaign, string? Url, string? Title)
{
    /// <summary>The one mapping, usable in SQL projections and, compiled, on loaded rows.</summary>
    public static readonly Expression<Func<LeadActivity, ActivityDto>> Projection = a => new ActivityDto(a.Id, a.Type, a.OccurredAt, a.Campaign, a.Url, a.Title);

    private static readonly Func<LeadActivity, ActivityDto> Map = Projection.Compile();

    public static ActivityDto From(LeadActivity a) => Map(a);
}

/// <summary>A lead after a command, with every move that command made (the one asked for and any auto-advance after it).</summary>
public sealed record LeadMovesDto(LeadDto Lead, IReadOnlyList<HistoryEntryDto> Transitions);
