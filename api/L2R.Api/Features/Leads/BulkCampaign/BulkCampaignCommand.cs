using FluentValidation;
using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using Mediator;

namespace L2R.Api.Features.Leads.BulkCampaign;

/// <summary>Sets the campaign of many leads; an empty campaign clears it.</summary>
public sealed record BulkCampaignCommand(IReadOnlyList<Guid> LeadIds, string Campaign) : ICommand<BulkResultDto>;

public sealed class BulkCampaignValidator : AbstractValidator<BulkCampaignCommand>
{
    public BulkCampaignValidator()
    {
        RuleFor(c => c.LeadIds).ValidLeadIds();
        RuleFor(c => c.Campaign).NotNull().MaximumLength(200);
    }
}

public sealed class BulkCampaignHandler(L2RDbContext db, LeadMoves moves, ICurrentUser user) : ICommandHandler<BulkCampaignCommand, BulkResultDto>
{
    public async ValueTask<BulkResultDto> Handle(BulkCampaignCommand command, CancellationToken ct) =>
        await BulkLeads.EditAsync(db, moves, user, command.LeadIds, lead => LeadProfileWriter.Apply(lead, new LeadProfile { Campaign = command.Campaign }), ct);
}
