using L2R.Api.Features.Leads;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Web;
using L2R.Domain.Agreements;
using L2R.Domain.Leads;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Agreements;

/// <summary>Loading drafts, judging their sign-off, writing the audit trail: shared by the draft use cases.</summary>
public static class DraftReads
{
    public static async Task<AgreementVersion> FindDraftAsync(this L2RDbContext db, Guid id, CancellationToken ct)
    {
        var version = await db.AgreementVersions.FirstOrDefaultAsync(v => v.Id == id, ct) ?? throw new NotFoundException("Agreement draft", id);
        return version.Status == AgreementStatus.Draft
            ? version
            : throw new ConflictException($"Version {version.Version} is {version.Status}; only a draft can change.");
    }

    /// <summary>Sign-off holds when a Marketing approver and a Sales approver, two different people, approved the current revision.</summary>
    public static IReadOnlyList<Role> MissingApprovals(IReadOnlyList<AgreementApproval> approvals, int revision)
    {
        var current = approvals.Where(a => a.Revision == revision).ToList();
        var marketing = current.Where(a => a.Role == Role.Marketing).Select(a => a.UserId).ToHashSet();
        var sales = current.Where(a => a.Role == Role.Sales).Select(a => a.UserId).ToHashSet();
        var signedByTwoPeople = marketing.Any(m => sales.Any(s => s != m));
        if (signedByTwoPeople)
        {
            return [];
        }

        var missing = new List<Role>();
        if (marketing.Count == 0)
        {
            missing.Add(Role.Marketing);
        }

        if (sales.Count == 0 || (marketing.Count > 0 && !signedByTwoPeople))
        {
            missing.Add(Role.Sales);
        }

        return missing;
    }

    public static async Task<AgreementDraftDto> ToDraftDtoAsync(this L2RDbContext db, AgreementVersion version, CancellationToken ct)
    {
        var approvals = await db.AgreementApprovals.AsNoTracking().Where(a => a.AgreementVersionId == version.Id).OrderBy(a => a.ApprovedAt).ToListAsync(ct);
        var names = await db.UserNamesAsync(approvals.Select(a => (Guid?)a.UserId).Append(version.CreatedBy).Append(version.UpdatedBy), ct);
        var agreement = AgreementJson.Deserialize(version.Content);
        var issues = AgreementValidator.Validate(agreement);
        var missing = MissingApprovals(approvals, version.Revision);
        return new AgreementDraftDto(
            version.Id,
            version.Version,
            version.Status,
            version.BasedOnVersion,
            version.Revision,
            version.CreatedAt,
            Name(names, version.CreatedBy),
            version.UpdatedAt,
            Name(names, version.UpdatedBy),
            approvals.Select(a => new ApprovalDto(a.UserId, Name(names, a.UserId), a.Role, a.Revision, a.ApprovedAt)).ToList(),
            missing,
            issues,
            version.Status == AgreementStatus.Draft && missing.Count == 0 && issues.Count == 0,
            agreement);
    }

    public static void Audit(this L2RDbContext db, AgreementVersion version, AgreementAuditAction action, Guid? userId, DateTime at, string? detail = null) =>
        db.AgreementAudit.Add(new AgreementAuditEntry
        {
            AgreementVersionId = version.Id,
            Version = version.Version,
            Action = action,
            UserId = userId,
            At = at,
            Detail = detail is { Length: > 4000 } ? detail[..4000] : detail,
        });

    private static string Name(IReadOnlyDictionary<Guid, string> names, Guid? id) => id is { } value ? names.GetValueOrDefault(value, "former user") : "system";
}
