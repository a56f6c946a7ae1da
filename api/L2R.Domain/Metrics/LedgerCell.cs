using L2R.Domain.Leads;

namespace L2R.Domain.Metrics;

/// <summary>
/// Entries into one stage that share a group key, the bucket they entered in, the bucket they left in, the move that
/// ended them, their whole hours in the stage and whether each is its lead's first entry into the stage in that bucket:
/// what the ledger query over the history returns, already counted. Buckets are numbered from 0 within the asked range
/// and -1 before it. <see cref="LeftIn"/> is null for an entry not ended within the range. In cohort mode an entry
/// "enters" in the bucket its lead was created in, and "leaves" in that same bucket whenever it was ended.
/// </summary>
public sealed record LedgerCell(
    string Key,
    LeadState Stage,
    int EnteredIn,
    int? LeftIn,
    LeadTrigger? ExitTrigger,
    int? HoursInStage,
    bool FirstVisit,
    int Entries,
    decimal Amount);
