namespace L2R.Domain.Leads;

/// <summary>Everything a criterion or scoring rule may look at, fixed at one instant so evaluation is pure.</summary>
public sealed record LeadFacts(Lead Lead, IReadOnlyList<ActivityFact> Activities, DateTime Now)
{
    public double DaysInStage => Math.Max(0, (Now - Lead.StageEnteredAt).TotalDays);
}

public sealed record ActivityFact(ActivityType Type, DateTime OccurredAt, string? Campaign);
