using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Web;
using L2R.Domain.Leads;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Leads.CreateLead;

/// <summary>Adds a lead; the mover records its entry into Raw and advances it as far as the agreement allows, in one transaction.</summary>
public sealed class CreateLeadHandler(L2RDbContext db, LeadMoves moves, ICurrentUser user) : ICommandHandler<CreateLeadCommand, LeadMovesDto>
{
    public async ValueTask<LeadMovesDto> Handle(CreateLeadCommand command, CancellationToken ct) =>
        await db.InTransactionAsync(async () =>
        {
            var email = LeadReads.Normalize(command.Email);
            await EnsureEmailFreeAsync(db, email, null, ct);

            var lead = new Lead();
            LeadProfileWriter.Apply(lead, command);
            var history = await moves.CreateAsync(lead, user.Actor, ct);
            await db.SaveChangesAsync(ct);
            return await db.ToMovesDtoAsync(lead, history, ct);
        }, ct);

    /// <summary>One lead per email per tenant, compared case-insensitively; the unique index backs this under races.</summary>
    internal static async Task EnsureEmailFreeAsync(L2RDbContext db, string? normalizedEmail, Guid? except, CancellationToken ct)
    {
        if (normalizedEmail is null)
        {
            return;
        }

        var existing = await db.Leads.AsNoTracking()
            .Where(l => l.NormalizedEmail == normalizedEmail && l.Id != except)
            .Select(l => (Guid?)l.Id)
            .FirstOrDefaultAsync(ct);
        if (existing is { } id)
        {
            throw new ConflictException(
                $"Lead {id} already has the email {normalizedEmail}.",
                new Dictionary<string, object?> { ["existingLeadId"] = id, ["existingLead"] = $"/api/leads/{id}" });
        }
    }
}
