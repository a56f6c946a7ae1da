using System.ComponentModel;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Web;
using L2R.Domain.Agreements;
using L2R.Domain.Leads;

namespace L2R.Api.Features.Agreements;

public sealed record ApprovalDto(Guid UserId, string UserName, Role Role, int Revision, DateTime ApprovedAt);

/// <summary>A draft with its sign-off state: who approved, which roles are still missing, and whether it may be activated now.</summary>
public sealed record AgreementDraftDto(
    Guid Id,
    int Version,
    AgreementStatus Status,
    int? BasedOnVersion,
    int Revision,
    DateTime CreatedAt,
    string CreatedByName,
    DateTime UpdatedAt,
    string UpdatedByName,
    IReadOnlyList<ApprovalDto> Approvals,
    IReadOnlyList<Role> MissingApprovals,
    IReadOnlyList<AgreementIssue> Issues,
    bool CanActivate,
    LeadAgreement Agreement);

public sealed record AgreementActivationDto(Guid Id, int Version, ActivationStatus Status, int Total, int Processed, int Moved, DateTime StartedAt, DateTime? CompletedAt, string? Error)
{
    public static AgreementActivationDto From(AgreementActivation a) => new(a.Id, a.Version, a.Status, a.Total, a.Processed, a.Moved, a.StartedAt, a.CompletedAt, a.Error);
}

[Description("A clause of the agreement a reason disputes: a guard's criterion, a fit rule, or data quality.")]
[WrittenInFull]
public sealed record ClauseDto(
    ClauseKind Kind,
    [property: Description("The criterion or fit rule id, or \"data-quality\".")]
    string Id,
    [property: Description("The clause in the words both teams signed.")]
    string Description,
    [property: Description("The move whose guard holds the criterion; null for a fit rule or data quality.")]
    LeadTrigger? Trigger)
{
    public static ClauseDto From(AgreementClause clause) => new(clause.Kind, clause.Id, clause.Description, clause.Trigger);
}
