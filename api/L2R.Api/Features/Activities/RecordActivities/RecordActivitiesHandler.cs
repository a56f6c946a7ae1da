using L2R.Api.Features.Leads;
using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Web;
using L2R.Domain.Leads;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Activities.RecordActivities;

/// <summary>
/// Records a batch in one transaction: the leads named by id or email are loaded in one query, leads asked for are
/// created through the mover, the activities are added, and then the mover re-scores and advances every lead touched
/// in its batch form (one more query for their activities). An item whose lead is not found is answered 404 on its own;
/// the rest are written.
/// </summary>
public sealed class RecordActivitiesHandler(L2RDbContext db, LeadMoves moves, ICurrentUser user) : ICommandHandler<RecordActivitiesCommand, RecordActivitiesResultDto>
{
    public async ValueTask<RecordActivitiesResultDto> Handle(RecordActivitiesCommand command, CancellationToken ct)
    {
        if (command.Items.Any(i => i.NewLead is not null) && !user.HasScope(ApiScopes.LeadsWrite))
        {
            throw new ForbiddenException($"Creating leads with their activities needs the scope {ApiScopes.LeadsWrite} too.");
        }

        return await db.InTransactionAsync(async () =>
        {
            var ids = command.Items.Select(i => i.LeadId).OfType<Guid>().Distinct().ToList();
            var emails = command.Items.Select(i => LeadReads.Normalize(i.Email)).OfType<string>().Distinct().ToList();
            var found = await db.Leads.Where(l => ids.Contains(l.Id) || emails.Contains(l.NormalizedEmail!)).ToListAsync(ct);
            var byId = found.ToDictionary(l => l.Id);
            var byEmail = found.Where(l => l.NormalizedEmail is not null).ToDictionary(l => l.NormalizedEmail!);
            var touched = new Dictionary<Guid, Lead>();
            var results = new List<ActivityItemResultDto>();
            for (var index = 0; index < command.Items.Count; index++)
            {
                var item = command.Items[index];
                var email = LeadReads.Normalize(item.Email);
                var lead = item.LeadId is { } id ? byId.GetValueOrDefault(id) : byEmail.GetValueOrDefault(email!);
                var created = false;
                if (lead is null && email is not null && item.NewLead is { } profile)
                {
                    lead = new Lead();
                    LeadProfileWriter.Apply(lead, profile with { Email = item.Email });
                    await moves.CreateAsync(lead, user.Actor, ct);
                    byEmail[email] = lead;
                    created = true;
                }

                if (lead is null)
                {
                    results.Add(new ActivityItemResultDto(index, StatusCodes.Status404NotFound, item.LeadId, null, false, $"No lead {item.LeadId?.ToString() ?? email}."));
                    continue;
                }

                var activity = item.Activity.ToActivity(lead, user.UserId, moves.Now);
                db.LeadActivities.Add(activity);
                lead.UpdatedAt = moves.Now;
                touched[lead.Id] = lead;
                results.Add(new ActivityItemResultDto(index, StatusCodes.Status201Created, lead.Id, activity.Id, created, null));
            }

            await db.SaveChangesAsync(ct);
            var history = await moves.AdvanceManyAsync(touched.Values.ToList(), TimeSpan.Zero, ct);
            await db.SaveChangesAsync(ct);
            return new RecordActivitiesResultDto(results, history.Count);
        }, ct);
    }
}
