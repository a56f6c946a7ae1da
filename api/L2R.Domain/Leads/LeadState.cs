namespace L2R.Domain.Leads;

public enum LeadState
{
    Raw,
    Scored,
    MQL,
    SalesAccepted,
    SQL,
    Opportunity,
    Nurture,
    Won,
    Lost,
    Disqualified,
}

public enum LeadTrigger
{
    Score,
    Qualify,
    Accept,
    Reject,
    QualifyForSales,
    Recycle,
    Convert,
    Win,
    Lose,
    Reengage,
    Disqualify,
    Reopen,
}

public static class LeadStates
{
    public static readonly IReadOnlyList<LeadState> All = Enum.GetValues<LeadState>();

    public static readonly IReadOnlySet<LeadState> Closed = new HashSet<LeadState> { LeadState.Won, LeadState.Lost, LeadState.Disqualified };

    public static bool IsOpen(this LeadState state) => !Closed.Contains(state);
}
