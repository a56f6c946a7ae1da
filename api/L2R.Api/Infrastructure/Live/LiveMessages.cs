using L2R.Api.Features.Board;
using L2R.Domain.Leads;

namespace L2R.Api.Infrastructure.Live;

/// <summary>
/// What <c>leadChanged</c> carries: one lead's change in one committed unit of work. <see cref="FromState"/> is the
/// stage it was in before (null for a new lead), <see cref="Card"/> the card as <c>GET /api/board</c> shows it now
/// (null when the lead is gone), <see cref="ActorName"/> who made the change.
/// </summary>
public sealed record LeadChangeMessage(Guid LeadId, string Kind, LeadState? FromState, CardDto? Card, string? ActorName, DateTime At);

/// <summary>What <c>boardReload</c> carries: a bulk write changed too many cards to push one by one; reload these columns (all when empty).</summary>
public sealed record BoardReloadMessage(IReadOnlyList<LeadState> States, string Reason, string? ActorName, DateTime At);

/// <summary>The kinds of <see cref="LeadChangeMessage"/>, as the SPA reads them; when one commit did several things to a lead, the first listed wins.</summary>
public static class LeadChangeKinds
{
    public const string Deleted = "deleted";
    public const string Merged = "merged";
    public const string Created = "created";
    public const string Moved = "moved";
    public const string Assigned = "assigned";
    public const string Sla = "sla";
    public const string Edited = "edited";
}

public static class BoardReloadReasons
{
    public const string Import = "import";
    public const string Activation = "activation";
    public const string Bulk = "bulk";
}

/// <summary>The names the board shows for work no person or API client did.</summary>
public static class SystemActors
{
    public const string AutoAdvance = "Auto-advance";
    public const string SlaCheck = "SLA check";
    public const string Import = "Import";
    public const string Activation = "Activation";
    public const string Sweep = "Sweep";
    public const string System = "System";
}
