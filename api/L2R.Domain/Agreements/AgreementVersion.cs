using L2R.Domain.Common;
using L2R.Domain.Leads;

namespace L2R.Domain.Agreements;

/// <summary>
/// One version of a tenant's lead agreement, and its lifecycle: Draft → Active → Superseded. A draft is edited, then
/// signed off by a Marketing and a Sales approver, two different people, for its current revision; any change of
/// content is a new revision and clears the approvals, because people approve exact content. Activating a signed-off
/// draft supersedes the version active before it. Each step records its audit entry.
/// Refusals come in the order 409 (not a draft) → 403 (role) → 412 (stale revision) → 400 (input) → 409 (not ready).
/// </summary>
public sealed class AgreementVersion : ITenantOwned
{
    private static readonly Role[] ApprovingRoles = [Role.Marketing, Role.Sales];

    private readonly List<AgreementApproval> _approvals = [];
    private readonly List<AgreementAuditEntry> _unsavedAudit = [];
    private LeadAgreement? _agreement;

    private AgreementVersion()
    {
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public int Version { get; private set; }
    public AgreementStatus Status { get; private set; }

    /// <summary>The agreement as JSON; <see cref="Agreement"/> is its parsed form.</summary>
    public string Content { get; private set; } = "";

    /// <summary>The version a draft started from (a rollback starts from an old one).</summary>
    public int? BasedOnVersion { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public Guid? CreatedBy { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public Guid? UpdatedBy { get; private set; }
    public DateTime? ActivatedAt { get; private set; }
    public Guid? ActivatedBy { get; private set; }

    /// <summary>What people approve: a new one with every change of content, and not with activation or supersession.</summary>
    public int Revision { get; private set; } = 1;

    public IReadOnlyList<AgreementApproval> Approvals => _approvals;

    public LeadAgreement Agreement => _agreement ??= AgreementJson.Deserialize(Content);

    public IReadOnlyList<AgreementIssue> Issues => AgreementValidator.Validate(Agreement);

    /// <summary>The roles whose sign-off of the current revision is still missing; empty once two different people signed.</summary>
    public IReadOnlyList<Role> MissingApprovals
    {
        get
        {
            var current = _approvals.Where(a => a.Revision == Revision).ToList();
            var marketing = current.Where(a => a.Role == Role.Marketing).Select(a => a.UserId).ToHashSet();
            var sales = current.Where(a => a.Role == Role.Sales).Select(a => a.UserId).ToHashSet();
            if (marketing.Any(m => sales.Any(s => s != m)))
            {
                return [];
            }

            var missing = new List<Role>();
            if (marketing.Count == 0)
            {
                missing.Add(Role.Marketing);
            }

            // One person in both roles still needs a second person: Sales is the one asked for.
            if (sales.Count == 0 || marketing.Count > 0)
            {
                missing.Add(Role.Sales);
            }

            return missing;
        }
    }

    public bool CanActivate => Status == AgreementStatus.Draft && Issues.Count == 0 && MissingApprovals.Count == 0;

    /// <summary>A new tenant's first version, active from the start.</summary>
    public static AgreementVersion First(LeadAgreement agreement, Guid? by, DateTime now) => new()
    {
        Version = 1,
        Status = AgreementStatus.Active,
        Content = AgreementJson.Serialize(agreement),
        CreatedAt = now,
        CreatedBy = by,
        UpdatedAt = now,
        UpdatedBy = by,
        ActivatedAt = now,
        ActivatedBy = by,
    };

    /// <summary>A draft numbered <paramref name="version"/> with this version's content: the next change, or a rollback to this one.</summary>
    public AgreementVersion StartDraft(int version, Guid? by, DateTime now)
    {
        if (Status == AgreementStatus.Draft)
        {
            throw new AgreementLifecycleException($"Version {Version} is a draft itself; start from the active version or an earlier one.");
        }

        var draft = new AgreementVersion
        {
            Version = version,
            Status = AgreementStatus.Draft,
            Content = Content,
            BasedOnVersion = Version,
            CreatedAt = now,
            CreatedBy = by,
            UpdatedAt = now,
            UpdatedBy = by,
        };
        draft.Record(AgreementAuditAction.Drafted, by, now, $"Draft {version} started from version {Version}.");
        return draft;
    }

    /// <summary>
    /// Replaces the draft's content; the same content again changes nothing, anything else clears the approvals.
    /// <paramref name="origin"/> says where the edit came from (a review's decision), ahead of the changes in its audit entry.
    /// </summary>
    public void Edit(LeadAgreement agreement, int? seenRevision, Guid? by, DateTime now, string? origin = null)
    {
        EnsureDraft();
        if (seenRevision is { } seen && seen != Revision)
        {
            throw new StaleDraftException($"The draft is at revision {Revision}, not {seen}; someone else edited it. Reload to see their change.");
        }

        var issues = AgreementValidator.Validate(agreement);
        if (issues.Count > 0)
        {
            throw new InvalidAgreementException(issues);
        }

        var content = AgreementJson.Serialize(agreement);
        if (content == Content)
        {
            return;
        }

        var changes = AgreementDiff.Compare(Agreement, agreement);
        Content = content;
        _agreement = null;
        Revision++;
        UpdatedAt = now;
        UpdatedBy = by;
        Record(AgreementAuditAction.Edited, by, now, string.Join("\n", changes.Select(c => c.Description).Prepend(origin).OfType<string>()));
        if (_approvals.Count > 0)
        {
            Record(AgreementAuditAction.ApprovalsCleared, by, now, $"{_approvals.Count} approval(s) cleared by the edit.");
            _approvals.Clear();
        }
    }

    /// <summary>
    /// Signs the current revision off for <paramref name="role"/>, or, when none is named, for the one approving role
    /// (Marketing or Sales) the approver holds. Approving again for the same role changes nothing.
    /// </summary>
    public void Approve(Guid userId, Roles heldRoles, Role? role, int? seenRevision, DateTime now)
    {
        EnsureDraft();
        var approving = ApprovingRoles.Where(r => heldRoles.HasFlag(RoleSet.ToFlag(r))).ToList();
        if (role is Role.Marketing or Role.Sales && !approving.Contains(role.Value))
        {
            throw new ApproverLacksRoleException($"Only someone with the {role} role may approve for {role}.");
        }

        if (role is null && approving.Count == 0)
        {
            throw new ApproverLacksRoleException("Only someone with the Marketing or the Sales role may approve a draft.");
        }

        if (seenRevision is { } seen && seen != Revision)
        {
            throw new StaleDraftException($"The draft changed (revision {Revision}, you saw {seen}); review the change before approving.");
        }

        var approveAs = role switch
        {
            Role.Marketing or Role.Sales => role.Value,
            null when approving.Count == 1 => approving[0],
            null => throw new ApprovalRoleUnclearException("You hold both Marketing and Sales; name the role you approve for."),
            _ => throw new ApprovalRoleUnclearException("Approve as Marketing or as Sales."),
        };
        if (Issues.Count > 0)
        {
            throw new AgreementLifecycleException("The draft has problems to fix before it can be approved.");
        }

        var existing = _approvals.FirstOrDefault(a => a.UserId == userId && a.Role == approveAs);
        if (existing?.Revision == Revision)
        {
            return;
        }

        if (existing is null)
        {
            _approvals.Add(AgreementApproval.Of(this, userId, approveAs, now));
        }
        else
        {
            existing.Renew(Revision, now);
        }

        Record(AgreementAuditAction.Approved, userId, now, $"Approved revision {Revision} for {approveAs}.");
    }

    /// <summary>Withdraws every approval the user gave this draft.</summary>
    public void WithdrawApprovals(Guid userId, DateTime now)
    {
        EnsureDraft();
        if (_approvals.RemoveAll(a => a.UserId == userId) > 0)
        {
            Record(AgreementAuditAction.Withdrew, userId, now, null);
        }
    }

    /// <summary>Records the discarding of the draft; the caller then deletes it.</summary>
    public void Discard(Guid? by, DateTime now)
    {
        EnsureDraft();
        Record(AgreementAuditAction.Discarded, by, now, null);
    }

    /// <summary>Makes this signed-off draft the active version and supersedes <paramref name="active"/>.</summary>
    public void Activate(AgreementVersion active, Guid? by, DateTime now)
    {
        EnsureDraft();
        if (Issues.Count > 0)
        {
            throw new AgreementLifecycleException("The draft has problems to fix before it can be activated.");
        }

        if (MissingApprovals is { Count: > 0 } missing)
        {
            throw new MissingApprovalsException(missing);
        }

        if (active.Status != AgreementStatus.Active)
        {
            throw new ArgumentException($"Version {active.Version} is {active.Status}, not the active version.", nameof(active));
        }

        active.Status = AgreementStatus.Superseded;
        Status = AgreementStatus.Active;
        ActivatedAt = now;
        ActivatedBy = by;
        Record(AgreementAuditAction.Activated, by, now, $"Version {Version} replaced version {active.Version}.");
    }

    /// <summary>The audit entries recorded since the last call, for the caller to save with the version.</summary>
    public IReadOnlyList<AgreementAuditEntry> TakeAuditEntries()
    {
        var entries = _unsavedAudit.ToList();
        _unsavedAudit.Clear();
        return entries;
    }

    private void EnsureDraft()
    {
        if (Status != AgreementStatus.Draft)
        {
            throw new AgreementLifecycleException($"Version {Version} is {Status}; only a draft can change.");
        }
    }

    private void Record(AgreementAuditAction action, Guid? userId, DateTime at, string? detail) =>
        _unsavedAudit.Add(AgreementAuditEntry.Of(this, action, userId, at, detail));
}
