using L2R.Api.Features.Leads.AdvanceLead;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Web;
using L2R.Domain.Leads;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Leads.CreateLead;

public sealed class CreateLeadHandler(L2RDbContext db, TimeProvider clock, IMediator mediator) : ICommandHandler<CreateLeadCommand, LeadMovesDto>
{
    public async ValueTask<LeadMovesDto> Handle(CreateLeadCommand command, CancellationToken ct) =>
        await db.InTransactionAsync(async () =>
        {
            var email = LeadReads.Normalize(command.Email);
            await EnsureEmailFreeAsync(db, email, null, ct);

            var now = clock.GetUtcNow().UtcDateTime;
            var lead = new Lead { CreatedAt = now, UpdatedAt = now, StageEnteredAt = now };
            LeadProfileWriter.Apply(lead, command);
            db.Leads.Add(lead);
            await db.SaveChangesAsync(ct);

            var advanced = await mediator.Send(new AdvanceLeadCommand(lead.Id), ct);
            var result = await db.ToMovesDtoAsync(lead, [], ct);
            return result with { Transitions = advanced };
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
