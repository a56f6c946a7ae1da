using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using L2R.Domain.Leads;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Leads.UpsertLead;

/// <summary>
/// Finds the lead by its normalised email: an existing one is edited like <c>PATCH /api/leads/{id}</c> (changes recorded,
/// then the mover), a new one is created like <c>POST /api/leads</c>; either way in one transaction. Two upserts racing
/// to create the same email meet the unique index: one of them is a 409.
/// </summary>
public sealed class UpsertLeadHandler(L2RDbContext db, LeadEdits edits, LeadMoves moves, ICurrentUser user) : ICommandHandler<UpsertLeadCommand, UpsertLeadResultDto>
{
    public async ValueTask<UpsertLeadResultDto> Handle(UpsertLeadCommand command, CancellationToken ct) =>
        await db.InTransactionAsync(async () =>
        {
            var email = LeadReads.Normalize(command.Lead.Email);
            var existing = await db.Leads.FirstOrDefaultAsync(l => l.NormalizedEmail == email, ct);
            var lead = existing ?? new Lead();
            var changed = await edits.ApplyAsync(lead, command.Lead, null, ct);
            var history = existing is null ? await moves.CreateAsync(lead, user.Actor, ct) : await edits.RecordAsync(lead, changed, ct);
            await db.SaveChangesAsync(ct);
            var result = await db.ToMovesDtoAsync(lead, history, ct);
            return new UpsertLeadResultDto(existing is null, result.Lead, result.Transitions);
        }, ct);
}
