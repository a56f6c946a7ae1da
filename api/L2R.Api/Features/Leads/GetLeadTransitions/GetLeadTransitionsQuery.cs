using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using L2R.Domain.Agreements;
using L2R.Domain.Leads;
using Mediator;

namespace L2R.Api.Features.Leads.GetLeadTransitions;

public sealed record GetLeadTransitionsQuery(Guid LeadId) : IQuery<IReadOnlyList<TransitionOptionDto>>;

/// <summary>A move available from the lead's stage: whether this user may make it, and each criterion as it evaluates now.</summary>
public sealed record TransitionOptionDto(
    LeadTrigger Trigger,
    LeadState To,
    bool Allowed,
    bool AutoAdvance,
    bool CriteriaMet,
    ReasonListKind ReasonList,
    IReadOnlyList<Reason> Reasons,
    IReadOnlyList<CriterionEvaluation> Criteria);

public sealed class GetLeadTransitionsHandler(L2RDbContext db, LeadMoves moves, ICurrentUser user)
    : IQueryHandler<GetLeadTransitionsQuery, IReadOnlyList<TransitionOptionDto>>
{
    public async ValueTask<IReadOnlyList<TransitionOptionDto>> Handle(GetLeadTransitionsQuery query, CancellationToken ct)
    {
        var lead = await db.ReadLeadAsync(query.LeadId, ct);
        var mover = await moves.MoverAsync(ct, decides: lead.State == LeadState.MQL && lead.OwnerId is not null);
        var actor = user.Actor;
        return mover.Evaluate(await moves.FactsAsync(lead, ct), actor)
            .Options()
            .Select(o => new TransitionOptionDto(
                o.Trigger, o.To, o.RoleAllowed && mover.MayDecide(lead, actor, o.Trigger), o.AutoAdvance, o.CriteriaMet, o.ReasonList, o.Reasons, o.Criteria))
            .ToList();
    }
}
