using System.ComponentModel;
using L2R.Api.Features.Agreements;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Web;
using L2R.Domain.Leads;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Leads.GetLeadFeedback;

public sealed record GetLeadFeedbackQuery(Guid LeadId) : IQuery<IReadOnlyList<LeadFeedbackDto>>;

[Description("Feedback a lead received: a move made with a reason (reject, recycle, loss, disqualification, reopening), the clause of the agreement the reason disputes, and the note.")]
[WrittenInFull]
public sealed record LeadFeedbackDto(
    Guid TransitionId,
    DateTime At,
    LeadTrigger Trigger,
    LeadState From,
    LeadState To,
    string ReasonCode,
    [property: Description("The reason's label when it was given.")]
    string ReasonLabel,
    [property: Description("The clause the reason disputes in the agreement version that judged the move; null when it names none.")]
    ClauseDto? Disputes,
    string? Note,
    Guid? ByUserId,
    string ByName,
    int AgreementVersion);

/// <summary>The reasons given on a lead, newest first, each read in the agreement version that judged its move.</summary>
public sealed class GetLeadFeedbackHandler(L2RDbContext db, AgreementStore agreements) : IQueryHandler<GetLeadFeedbackQuery, IReadOnlyList<LeadFeedbackDto>>
{
    public async ValueTask<IReadOnlyList<LeadFeedbackDto>> Handle(GetLeadFeedbackQuery query, CancellationToken ct)
    {
        await db.EnsureLeadExistsAsync(query.LeadId, ct);
        var moves = await db.LeadTransitions.AsNoTracking()
            .Where(t => t.LeadId == query.LeadId && t.ReasonCode != null)
            .OrderByDescending(t => t.OccurredAt).ThenByDescending(t => t.Step)
            .ToListAsync(ct);
        var versions = await agreements.GetVersionsAsync(moves.Select(m => m.AgreementVersion), ct);
        var names = await db.UserNamesAsync(moves.Select(m => m.ActorUserId), ct);
        return moves
            .Select(m => new LeadFeedbackDto(
                m.Id, m.OccurredAt, m.Trigger!.Value, m.From!.Value, m.To, m.ReasonCode!, m.ReasonLabel ?? m.ReasonCode!,
                versions.GetValueOrDefault(m.AgreementVersion)?.ClauseDisputedBy(m.Trigger.Value, m.ReasonCode) is { } clause ? ClauseDto.From(clause) : null,
                m.Note, m.ActorUserId, m.ActorUserId is { } by ? names.GetValueOrDefault(by, "former user") : "system", m.AgreementVersion))
            .ToList();
    }
}
