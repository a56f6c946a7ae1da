using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Web;
using L2R.Domain.Intel;
using L2R.Domain.Leads;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Intel;

/// <summary>What the intel is recorded with: an activity of the rep's or a move that carries a reason.</summary>
public sealed record IntelSource(Guid? ActivityId, ActivityType? ActivityType, Guid? TransitionId, LeadTrigger? Trigger, DateTime At);

/// <summary>
/// Adds what a rep heard to the context, for the caller's save to write with the activity or move in the same
/// transaction. Every tag must be one of this tenant's, of the kind it is listed under and still offered; a foreign
/// id reads as unknown, so a 400 tells another tenant nothing. Checked before anything is added.
/// </summary>
public sealed class IntelWriter(L2RDbContext db, ICurrentUser user)
{
    public async Task<LeadIntel?> AddAsync(Lead lead, IntelRequest? request, IntelSource source, CancellationToken ct)
    {
        if (request is null || request.IsEmpty)
        {
            return null;
        }

        var wanted = request.TagIds().ToList();
        var ids = wanted.Select(w => w.TagId).Distinct().ToList();
        var tags = await db.IntelTags.AsNoTracking().Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        var errors = wanted
            .Select(w => (w.Kind, w.TagId, Problem: Problem(tags.GetValueOrDefault(w.TagId), w.Kind)))
            .Where(e => e.Problem is not null)
            .GroupBy(e => $"intel.{Field(e.Kind)}")
            .ToDictionary(g => g.Key, g => g.Select(e => $"{e.TagId}: {e.Problem}").ToArray());
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        var intel = new LeadIntel
        {
            LeadId = lead.Id,
            ActivityId = source.ActivityId,
            ActivityType = source.ActivityType,
            TransitionId = source.TransitionId,
            Trigger = source.Trigger,
            Campaign = string.IsNullOrWhiteSpace(request.Reception?.Campaign) ? lead.Campaign : request.Reception.Campaign.Trim(),
            Verdict = request.Reception?.Verdict,
            Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(),
            OwnerId = lead.OwnerId,
            RecordedBy = user.UserId,
            RecordedAt = source.At,
        };
        intel.Tags.AddRange(wanted.Select(w => new LeadIntelTag { LeadIntelId = intel.Id, LeadId = lead.Id, TagId = w.TagId, Kind = w.Kind, RecordedAt = source.At }));
        db.LeadIntel.Add(intel);
        return intel;
    }

    private static string? Problem(IntelTag? tag, IntelKind kind) => tag switch
    {
        null => "no such tag.",
        { Kind: var actual } when actual != kind => $"is a {actual} tag, not a {kind} tag.",
        { RetiredAt: not null } => "is retired; pick another.",
        _ => null,
    };

    private static string Field(IntelKind kind) => kind switch
    {
        IntelKind.Competitor => "competitors",
        IntelKind.Pain => "pains",
        IntelKind.Objection => "objections",
        _ => "questions",
    };
}
