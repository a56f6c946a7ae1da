using FluentValidation;
using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Web;
using L2R.Domain.Leads;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Leads.BulkOwner;

/// <summary>Assigns many leads to one owner (Sales or Admin); a null owner unassigns them.</summary>
public sealed record BulkOwnerCommand(IReadOnlyList<Guid> LeadIds, Guid? OwnerId) : ICommand<BulkResultDto>;

public sealed class BulkOwnerValidator : AbstractValidator<BulkOwnerCommand>
{
    public BulkOwnerValidator() => RuleFor(c => c.LeadIds).ValidLeadIds();
}

/// <summary>The role is checked before the owner, as for one lead's edit; each change is recorded and the leads re-scored and advanced.</summary>
public sealed class BulkOwnerHandler(L2RDbContext db, LeadMoves moves, ICurrentUser user) : ICommandHandler<BulkOwnerCommand, BulkResultDto>
{
    public async ValueTask<BulkResultDto> Handle(BulkOwnerCommand command, CancellationToken ct)
    {
        if ((user.Roles & (Roles.Sales | Roles.Admin)) == 0)
        {
            throw new ForbiddenException("Only Sales or an Admin may change the owner of leads.");
        }

        var owner = command.OwnerId;
        if (owner is { } id && !await db.Users.AnyAsync(u => u.Id == id && u.IsActive, ct))
        {
            throw RequestValidationException.For("ownerId", "The owner must be an active user of this tenant.");
        }

        return await BulkLeads.EditAsync(db, moves, user, command.LeadIds, lead =>
        {
            if (lead.OwnerId == owner)
            {
                return [];
            }

            var change = (nameof(Lead.OwnerId), LeadProfileWriter.Show(lead.OwnerId), LeadProfileWriter.Show(owner));
            lead.OwnerId = owner;
            return [change];
        }, ct);
    }
}
