using L2R.Api.Infrastructure.Data;
using L2R.Domain.Leads;
using L2R.Domain.Routing;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Notifications;

/// <summary>
/// Who hears of a routing decision: the team lead (else the tenant's admins) when nobody could act within the SLA,
/// and the new owner of a lead reassigned after a missed SLA. Added to the unit of work with the assignment.
/// </summary>
public sealed class RoutingNotifier(L2RDbContext db)
{
    /// <summary>Adds the notices; <paramref name="untracked"/> are leads written past the change tracker (an import's new ones), named too.</summary>
    public async Task AddAsync(IReadOnlyList<LeadAssignment> assignments, RoutingState routing, CancellationToken ct, IReadOnlyList<Lead>? untracked = null)
    {
        IReadOnlyList<Guid>? admins = null;

        // Reading DbSet.Local detects changes over everything the context tracks: done once, and only when a notice
        // names a lead, not once per assignment (a page of activation tracks thousands of leads and routes as many).
        Dictionary<Guid, string>? names = null;
        string NameOf(Guid leadId) =>
            (names ??= db.Leads.Local.Concat(untracked ?? []).DistinctBy(l => l.Id).ToDictionary(l => l.Id, l => l.DisplayName)).GetValueOrDefault(leadId) ?? "A lead";
        foreach (var assignment in assignments)
        {
            if (assignment.MissesSla)
            {
                var recipients = routing.TeamOf(assignment.TeamId)?.LeadUserId is { } teamLead
                    ? [teamLead]
                    : admins ??= await AdminsAsync(ct);
                Add(recipients, NotificationKind.RoutingEscalation, assignment, $"{NameOf(assignment.LeadId)} cannot be answered within its SLA: {assignment.Reason}");
            }

            if (assignment is { Kind: AssignmentKind.Reassigned, UserId: { } owner })
            {
                Add([owner], NotificationKind.LeadReassigned, assignment, $"{NameOf(assignment.LeadId)} is yours now: {assignment.Reason}");
            }
        }
    }

    private void Add(IEnumerable<Guid> recipients, NotificationKind kind, LeadAssignment assignment, string message) =>
        db.Notifications.AddRange(recipients.Select(user => new Notification
        {
            UserId = user,
            Kind = kind,
            LeadId = assignment.LeadId,
            Message = message.Length > 500 ? message[..497] + "..." : message,
            CreatedAt = assignment.OccurredAt,
        }));

    private async Task<IReadOnlyList<Guid>> AdminsAsync(CancellationToken ct) =>
        (await db.Users.AsNoTracking().Where(u => u.IsActive).Select(u => new { u.Id, u.Roles }).ToListAsync(ct))
            .Where(u => u.Roles.HasFlag(Roles.Admin)).Select(u => u.Id).ToList();
}
