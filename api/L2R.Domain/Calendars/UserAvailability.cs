namespace L2R.Domain.Calendars;

/// <summary>A stretch of time a person is away (UTC, end exclusive), with an optional note such as "holiday".</summary>
public sealed record OutOfOffice(DateTime From, DateTime To, string? Note = null)
{
    public bool Covers(DateTime atUtc) => From <= atUtc && atUtc < To;
}
