using L2R.Domain.Common;

namespace L2R.Domain.Agreements;

public enum AgreementAuditAction
{
    Drafted,
    Edited,
    Approved,
    Withdrew,
    ApprovalsCleared,
    Activated,
    Discarded,
}

/// <summary>Who did what to which agreement version, when; <see cref="AgreementVersion"/> records one for each step of its lifecycle.</summary>
public sealed class AgreementAuditEntry : ITenantOwned
{
    public const int MaxDetailLength = 4000;

    private AgreementAuditEntry()
    {
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }

    /// <summary>Not a foreign key: the entry outlives a discarded draft.</summary>
    public Guid AgreementVersionId { get; private set; }
    public int Version { get; private set; }
    public AgreementAuditAction Action { get; private set; }
    public Guid? UserId { get; private set; }
    public DateTime At { get; private set; }
    public string? Detail { get; private set; }

    internal static AgreementAuditEntry Of(AgreementVersion version, AgreementAuditAction action, Guid? userId, DateTime at, string? detail) => new()
    {
        AgreementVersionId = version.Id,
        Version = version.Version,
        Action = action,
        UserId = userId,
        At = at,
        Detail = detail is { Length: > MaxDetailLength } ? detail[..MaxDetailLength] : detail,
    };
}
