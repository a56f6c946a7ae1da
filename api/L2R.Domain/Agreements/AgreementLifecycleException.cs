using L2R.Domain.Leads;

namespace L2R.Domain.Agreements;

/// <summary>
/// A step the version's lifecycle does not allow from where it is: the version is no longer a draft, or the draft is not
/// ready (its content has problems, or it lacks sign-off). The API answers 409.
/// </summary>
public class AgreementLifecycleException(string message) : Exception(message);

/// <summary>Activation without a Marketing and a Sales approval of the current revision by two different people.</summary>
public sealed class MissingApprovalsException(IReadOnlyList<Role> missing) : AgreementLifecycleException(
    $"The draft needs the approval of {string.Join(" and ", missing)} (a Marketing and a Sales approver, two different people) before it can be activated.")
{
    public IReadOnlyList<Role> Missing { get; } = missing;
}

/// <summary>The caller saw an older revision of the draft than the current one (412).</summary>
public sealed class StaleDraftException(string message) : Exception(message);

/// <summary>The approver does not hold the role the approval would be for (403).</summary>
public sealed class ApproverLacksRoleException(string message) : Exception(message);

/// <summary>Which role an approval is for cannot be told: none named by someone holding both, or one that does not approve (400 on the role).</summary>
public sealed class ApprovalRoleUnclearException(string message) : Exception(message);

/// <summary>An edit whose content a lead could not live under; each issue names its place in the agreement (400).</summary>
public sealed class InvalidAgreementException(IReadOnlyList<AgreementIssue> issues) : Exception("The agreement has problems.")
{
    public IReadOnlyList<AgreementIssue> Issues { get; } = issues;
}
