using L2R.Domain.Common;
using L2R.Domain.Leads;

namespace L2R.Api.Infrastructure.Data;

/// <summary>
/// How many of a tenant's leads were in a stage when the counts were last folded (<see cref="BoardCounts"/>); the
/// changes not folded yet are <see cref="BoardCountChange"/> rows. Only the fold writes it.
/// </summary>
public sealed class BoardCounter : ITenantOwned
{
    public Guid TenantId { get; set; }
    public LeadState Stage { get; set; }
    public int Count { get; set; }
}

/// <summary>
/// One unit of work's net change to a stage's count, inserted in the same transaction as the leads it counts. Writers
/// only insert, so moves of one tenant never wait for each other on a counter row (docs/decisions/0015).
/// </summary>
public sealed class BoardCountChange : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public LeadState Stage { get; set; }
    public int Delta { get; set; }
}
