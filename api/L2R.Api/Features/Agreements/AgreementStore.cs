using System.Collections.Concurrent;
using L2R.Api.Infrastructure.Data;
using L2R.Domain.Agreements;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Agreements;

public sealed record ActiveAgreement(Guid Id, int Version, LeadAgreement Agreement);

/// <summary>
/// The current tenant's active agreement. An active version never changes, so its parsed content is cached for the
/// life of the process by row id; only the small "which version is active" lookup hits the database.
/// </summary>
public sealed class AgreementStore(L2RDbContext db, ParsedAgreementCache cache)
{
    private ActiveAgreement? _active;

    public async Task<ActiveAgreement> GetActiveAsync(CancellationToken ct)
    {
        if (_active is not null)
        {
            return _active;
        }

        var row = await db.AgreementVersions.AsNoTracking()
            .Where(v => v.Status == AgreementStatus.Active)
            .Select(v => new { v.Id, v.Version })
            .SingleOrDefaultAsync(ct)
            ?? throw new InvalidOperationException("The tenant has no active lead agreement.");

        var agreement = cache.Get(row.Id) ?? cache.Add(row.Id, AgreementJson.Deserialize(
            await db.AgreementVersions.AsNoTracking().Where(v => v.Id == row.Id).Select(v => v.Content).SingleAsync(ct)));
        _active = new ActiveAgreement(row.Id, row.Version, agreement);
        return _active;
    }

    /// <summary>
    /// The agreements of versions that were once live (history rows name them), by version number; drafts are left out
    /// because only a version that no longer changes may be cached.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, LeadAgreement>> GetVersionsAsync(IEnumerable<int> versions, CancellationToken ct)
    {
        var wanted = versions.Distinct().ToList();
        var rows = await db.AgreementVersions.AsNoTracking()
            .Where(v => wanted.Contains(v.Version) && v.Status != AgreementStatus.Draft)
            .Select(v => new { v.Id, v.Version })
            .ToListAsync(ct);
        var missing = rows.Where(r => cache.Get(r.Id) is null).Select(r => r.Id).ToList();
        if (missing.Count > 0)
        {
            foreach (var loaded in await db.AgreementVersions.AsNoTracking().Where(v => missing.Contains(v.Id)).Select(v => new { v.Id, v.Content }).ToListAsync(ct))
            {
                cache.Add(loaded.Id, AgreementJson.Deserialize(loaded.Content));
            }
        }

        return rows.ToDictionary(r => r.Version, r => cache.Get(r.Id)!);
    }
}

public sealed class ParsedAgreementCache
{
    private readonly ConcurrentDictionary<Guid, LeadAgreement> _byVersionId = new();

    public LeadAgreement? Get(Guid versionId) => _byVersionId.GetValueOrDefault(versionId);

    public LeadAgreement Add(Guid versionId, LeadAgreement agreement) => _byVersionId.GetOrAdd(versionId, agreement);
}
