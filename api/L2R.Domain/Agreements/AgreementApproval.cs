using L2R.Domain.Common;
using L2R.Domain.Leads;

namespace L2R.Domain.Agreements;

/// <summary>A sign-off of one draft revision by one person for one role (Marketing or Sales); part of its <see cref="AgreementVersion"/>.</summary>
public sealed class AgreementApproval : ITenantOwned
{
    private AgreementApproval()
    {
    }

    /// <summary>Unset until saved with its draft: a set key would make the persistence layer take the approval for an existing row.</summary>
    public Guid Id { get; private set; }
    public Guid TenantId { get; set; }
    public Guid AgreementVersionId { get; private set; }
    public Guid UserId { get; private set; }
    public Role Role { get; private set; }
    public int Revision { get; private set; }
    public DateTime ApprovedAt { get; private set; }

    internal static AgreementApproval Of(AgreementVersion draft, Guid userId, Role role, DateTime at) =>
        new() { AgreementVersionId = draft.Id, UserId = userId, Role = role, Revision = draft.Revision, ApprovedAt = at };

    /// <summary>Brings an approval of an earlier revision up to the current one, for the same person and role.</summary>
    internal void Renew(int revision, DateTime at)
    {
        Revision = revision;
        ApprovedAt = at;
    }
}
