using L2R.Api.Features.Leads;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Web;
using L2R.Domain.Agreements;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Agreements;

/// <summary>Loading a version with its approvals, changing it, and showing its sign-off: shared by the draft use cases.</summary>
public static class DraftReads
{
    /// <summary>Versions to show with <see cref="ToDraftDtoAsync"/>, which reads the sign-off from their approvals.</summary>
    public static IQueryable<AgreementVersion> VersionsToShow(this L2RDbContext db) => db.AgreementVersions.AsNoTracking().Include(v => v.Approvals);

    /// <summary>The version for a change, with its approvals; whether it is still a draft is for the version itself to say.</summary>
    public static async Task<AgreementVersion> FindDraftAsync(this L2RDbContext db, Guid id, CancellationToken ct) =>
        await db.AgreementVersions.Include(v => v.Approvals).FirstOrDefaultAsync(v => v.Id == id, ct) ?? throw new NotFoundException("Agreement draft", id);

    /// <summary>
    /// Adds the tenant's one draft, copied from the active version or from <paramref name="fromVersion"/> (a rollback),
    /// for the caller to save: 409 while a draft is open, and two drafts started at once collide on the unique version number.
    /// </summary>
    public static async Task<AgreementVersion> StartDraftAsync(this L2RDbContext db, int? fromVersion, Guid? by, DateTime now, CancellationToken ct)
    {
        var open = await db.AgreementVersions.Where(v => v.Status == AgreementStatus.Draft).Select(v => (Guid?)v.Id).FirstOrDefaultAsync(ct);
        if (open is { } openId)
        {
            throw new ConflictException("The tenant already has an open draft; edit or discard it first.", new Dictionary<string, object?> { ["draftId"] = openId });
        }

        var source = fromVersion is { } from
            ? await db.AgreementVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Version == from && v.Status != AgreementStatus.Draft, ct)
                ?? throw new NotFoundException("Agreement version", from)
            : await db.AgreementVersions.AsNoTracking().SingleAsync(v => v.Status == AgreementStatus.Active, ct);
        var next = await db.AgreementVersions.MaxAsync(v => v.Version, ct) + 1;
        var draft = source.StartDraft(next, by, now);
        db.AgreementVersions.Add(draft);
        return draft;
    }

    /// <summary>Loads the draft, lets it make the change (it refuses what its lifecycle does not allow), saves it with its audit, and shows it.</summary>
    public static Task<AgreementDraftDto> ChangeDraftAsync(this L2RDbContext db, Guid id, Action<AgreementVersion> change, CancellationToken ct) =>
        db.InTransactionAsync(async () =>
        {
            var draft = await db.FindDraftAsync(id, ct);
            change(draft);
            await db.SaveChangesAsync(ct);
            return await db.ToDraftDtoAsync(draft, ct);
        }, ct);

    public static async Task<AgreementDraftDto> ToDraftDtoAsync(this L2RDbContext db, AgreementVersion version, CancellationToken ct)
    {
        var approvals = version.Approvals.OrderBy(a => a.ApprovedAt).ToList();
        var names = await db.UserNamesAsync(approvals.Select(a => (Guid?)a.UserId).Append(version.CreatedBy).Append(version.UpdatedBy), ct);
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
            version.MissingApprovals,
            version.Issues,
            version.CanActivate,
            version.Agreement);
    }

    private static string Name(IReadOnlyDictionary<Guid, string> names, Guid? id) => id is { } value ? names.GetValueOrDefault(value, "former user") : "system";
}
