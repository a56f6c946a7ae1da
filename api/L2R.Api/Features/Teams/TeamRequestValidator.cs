using FluentValidation;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Web;
using L2R.Domain.Routing;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Teams;

/// <summary>The shape of a team: a name, at most 200 members, each once, weights from 0 to 100 and caps of at least 1.</summary>
public sealed class TeamRequestValidator : AbstractValidator<TeamRequest>
{
    public TeamRequestValidator()
    {
        RuleFor(t => t.Name).NotEmpty().MaximumLength(100);
        RuleFor(t => t.Members).NotNull();
        RuleFor(t => t.Members.Count).LessThanOrEqualTo(200).When(t => t.Members is not null).OverridePropertyName("members");
        RuleFor(t => t.Members).Must(m => m.Select(x => x.UserId).Distinct().Count() == m.Count)
            .When(t => t.Members is not null).WithMessage("Each user can be a member once.");
        RuleForEach(t => t.Members).ChildRules(member =>
        {
            member.RuleFor(m => m.UserId).NotEmpty();
            member.RuleFor(m => m.Weight).InclusiveBetween(0, 100);
            member.RuleFor(m => m.MaxOpenLeads).GreaterThanOrEqualTo(1).When(m => m.MaxOpenLeads is not null);
            member.RuleFor(m => m.MaxNewLeadsPerDay).GreaterThanOrEqualTo(1).When(m => m.MaxNewLeadsPerDay is not null);
        }).When(t => t.Members is not null);
    }
}

internal static class TeamWriter
{
    /// <summary>
    /// Applies a request to a team after checking what only the database knows: every member and the lead are users
    /// of this tenant (400 naming the field), and no other team has the name (409).
    /// </summary>
    public static async Task ApplyAsync(this L2RDbContext db, Team team, TeamRequest request, DateTime now, CancellationToken ct)
    {
        var name = request.Name.Trim();
        if (await db.Teams.AnyAsync(t => t.Name == name && t.Id != team.Id, ct))
        {
            throw new ConflictException($"A team named \"{name}\" already exists.");
        }

        var wanted = request.Members.Select(m => m.UserId).Append(request.LeadUserId ?? Guid.Empty).Where(id => id != Guid.Empty).Distinct().ToList();
        var known = (await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id)).Select(u => u.Id).ToListAsync(ct)).ToHashSet();
        for (var i = 0; i < request.Members.Count; i++)
        {
            if (!known.Contains(request.Members[i].UserId))
            {
                throw RequestValidationException.For($"members[{i}].userId", $"{request.Members[i].UserId} is not a user of this tenant.");
            }
        }

        if (request.LeadUserId is { } lead && !known.Contains(lead))
        {
            throw RequestValidationException.For("leadUserId", $"{lead} is not a user of this tenant.");
        }

        team.Name = name;
        team.LeadUserId = request.LeadUserId;
        team.Members = [.. request.Members.Select(m => new TeamMember { UserId = m.UserId, Weight = m.Weight, MaxOpenLeads = m.MaxOpenLeads, MaxNewLeadsPerDay = m.MaxNewLeadsPerDay })];
        team.UpdatedAt = now;
    }
}
