using L2R.Domain.Agreements;
using L2R.Domain.Slas;

namespace L2R.Api.Features.Slas;

/// <summary>
/// The lead's most pressing open clock, as a card or the lead page shows it: the earliest due running clock, else a
/// paused one. A client counts down to <see cref="DueAt"/> itself; <see cref="Warned"/> and <see cref="Breached"/> say
/// what the server has recorded.
/// </summary>
public sealed record SlaSummaryDto(Guid ClockId, string TermId, string TermName, SlaClockStatus Status, DateTime StartedAt, DateTime? WarnAt, DateTime? DueAt, bool Warned, bool Breached);

public sealed record SlaPauseDto(DateTime PausedAt, DateTime? ResumedAt, string Stage);

/// <summary>One clock of a lead, open or closed, with the term it runs under (as its agreement version stated it) and its pauses.</summary>
public sealed record SlaClockDto(
    Guid Id,
    string TermId,
    string TermName,
    int AgreementVersion,
    SlaClockStatus Status,
    double TargetHours,
    SlaTimeBasis Basis,
    int WarningPercent,
    DateTime StartedAt,
    DateTime? WarnAt,
    DateTime? DueAt,
    DateTime? WarnedAt,
    DateTime? BreachedAt,
    DateTime? StoppedAt,
    string? StopReason,
    IReadOnlyList<SlaPauseDto> Pauses)
{
    public static SlaClockDto From(SlaClock c) => new(
        c.Id, c.TermId, SlaReads.NameOf(c.Term), c.AgreementVersion, c.Status, c.Term.TargetHours, c.Term.Basis, c.Term.WarningPercent,
        c.StartedAt, c.WarnAt, c.DueAt, c.WarnedAt, c.BreachedAt, c.StoppedAt, c.StopReason,
        c.Pauses.OrderBy(p => p.PausedAt).Select(p => new SlaPauseDto(p.PausedAt, p.ResumedAt, p.Stage.ToString())).ToList());
}
