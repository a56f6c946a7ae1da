using L2R.Api.Features.Slas;
using L2R.Api.Infrastructure.Data;
using L2R.Domain.Agreements;
using L2R.Domain.Leads;
using L2R.Domain.Slas;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Notifications;

/// <summary>
/// Who hears of a clock's warning or breach: the lead's owner and the term's escalation target: the lead of the team
/// routing sent the lead to, or the tenant's admins when the lead has no team or the team no lead; or a role.
/// </summary>
public sealed class SlaNotifier(L2RDbContext db)
{
    /// <summary>Adds one notification per recipient to the unit of work; the caller saves it with the clock.</summary>
    public async Task AddAsync(SlaClock clock, Lead lead, NotificationKind kind, DateTime now, CancellationToken ct)
    {
        var recipients = (await EscalationTargetsAsync(clock.Term.OnBreach, lead, ct)).Prepend(lead.OwnerId).OfType<Guid>().Distinct();
        var due = clock.DueAt is { } at ? $"{at:yyyy-MM-dd HH:mm} UTC" : "when it resumes";
        var message = kind == NotificationKind.SlaWarning
            ? $"{lead.DisplayName}: {SlaReads.NameOf(clock.Term)} is due {due}."
            : $"{lead.DisplayName}: {SlaReads.NameOf(clock.Term)} was missed; it was due {due}.";
        db.Notifications.AddRange(recipients.Select(user => new Notification
        {
            UserId = user,
            Kind = kind,
            LeadId = lead.Id,
            ClockId = clock.Id,
            Message = message,
            CreatedAt = now,
        }));
    }

    private async Task<IReadOnlyList<Guid?>> EscalationTargetsAsync(SlaBreachAction action, Lead lead, CancellationToken ct)
    {
        if (action.EscalateTo == SlaEscalation.TeamLead && lead.TeamId is { } teamId
            && await db.Teams.AsNoTracking().Where(t => t.Id == teamId).Select(t => t.LeadUserId).FirstOrDefaultAsync(ct) is { } teamLead)
        {
            return [teamLead];
        }

        var role = action.EscalateTo == SlaEscalation.Role && action.Role is { } named ? RoleSet.ToFlag(named) : Roles.Admin;

        // Roles are stored as a set; a tenant has few users, so the set is read and tested here.
        var users = await db.Users.AsNoTracking().Where(u => u.IsActive).Select(u => new { u.Id, u.Roles }).ToListAsync(ct);
        return users.Where(u => u.Roles.HasFlag(role)).Select(u => (Guid?)u.Id).ToList();
    }
}
