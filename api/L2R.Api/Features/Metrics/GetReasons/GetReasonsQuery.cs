using FluentValidation;
using L2R.Api.Features.Agreements;
using L2R.Api.Features.Leads;
using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using L2R.Domain.Agreements;
using L2R.Domain.Leads;
using L2R.Domain.Metrics;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Metrics.GetReasons;

public sealed record GetReasonsQuery(MetricsParameters Filter, LeadState? Stage, LeadTrigger? Trigger) : IQuery<ReasonsReportDto>, IMetricsQuery;

public sealed class GetReasonsValidator : MetricsQueryValidator<GetReasonsQuery>
{
    public GetReasonsValidator()
    {
        RuleFor(q => q.Stage).Must(s => s is null || WaterfallStages.IsRow(s.Value)).WithMessage("Stage is one of the waterfall's rows: " + string.Join(", ", WaterfallStages.Rows) + ".");
        RuleFor(q => q.Trigger).Must(t => t is null || GetReasonsHandler.Triggers.Contains(t.Value)).WithMessage("Trigger is one of " + string.Join(", ", GetReasonsHandler.Triggers) + ".");
    }
}

/// <summary>
/// The waterfall's own ledger, narrowed to the entries it counts as ended by a move with a reason; each reason is
/// read in the agreement version that judged the move, so a reworded label or a re-pointed clause stays true to its time.
/// </summary>
public sealed class GetReasonsHandler(L2RDbContext db, AgreementStore agreements, ICurrentUser user, TimeProvider clock) : IQueryHandler<GetReasonsQuery, ReasonsReportDto>
{
    public static readonly IReadOnlyList<LeadTrigger> Triggers = [LeadTrigger.Reject, LeadTrigger.Recycle, LeadTrigger.Lose, LeadTrigger.Disqualify];
    private const int NoteCount = 50;

    public async ValueTask<ReasonsReportDto> Handle(GetReasonsQuery query, CancellationToken ct)
    {
        var scope = query.Filter.Resolve(clock.GetUtcNow().UtcDateTime, user.UserId);
        var triggers = (query.Trigger is { } only ? [only] : Triggers).Select(t => t.ToString()).ToList();
        var moves = Ledger.Entries(db, scope, [scope.From, scope.To], groupBy: null, LedgerDetail.ExitDetails | LedgerDetail.LeadSlices)
            .Where(e => e.LeftIn == 0 && e.ExitTrigger != null && triggers.Contains(e.ExitTrigger));
        if (query.Stage is { } stage)
        {
            var name = stage.ToString();
            moves = moves.Where(e => e.Stage == name);
        }

        var counts = (await moves
                .GroupBy(e => new { e.ExitTrigger, e.ExitReasonCode, e.ExitVersion, e.Source, e.Campaign })
                .Select(g => new { g.Key, Count = g.Count() })
                .ToListAsync(ct))
            .Select(r => new ReasonMoves(Enum.Parse<LeadTrigger>(r.Key.ExitTrigger!), r.Key.ExitReasonCode ?? "", r.Key.ExitVersion ?? 0, r.Key.Source ?? "", r.Key.Campaign ?? "", r.Count))
            .ToList();
        var versions = await agreements.GetVersionsAsync(counts.Select(c => c.Version), ct);
        var total = counts.Sum(c => c.Count);
        double Share(int count) => total == 0 ? 0 : (double)count / total;
        AgreementClause? Disputed(ReasonMoves c) => versions.GetValueOrDefault(c.Version)?.ClauseDisputedBy(c.Trigger, c.Code);
        string Label(LeadTrigger trigger, string code) =>
            versions.OrderByDescending(v => v.Key).Select(v => v.Value.ReasonsFor(trigger).FirstOrDefault(r => r.Code == code)?.Label).FirstOrDefault(l => l is not null) ?? code;

        var reasons = counts
            .GroupBy(c => (c.Trigger, c.Code, Clause: Disputed(c)))
            .Select(g => new ReasonFigureDto(g.Key.Trigger, g.Key.Code, Label(g.Key.Trigger, g.Key.Code), g.Key.Clause is { } clause ? ClauseDto.From(clause) : null, g.Sum(c => c.Count), Share(g.Sum(c => c.Count))))
            .OrderByDescending(r => r.Count).ThenBy(r => r.Trigger).ThenBy(r => r.Code, StringComparer.Ordinal)
            .ToList();
        var clauses = reasons
            .GroupBy(r => r.Disputes)
            .Select(g => new ClauseFigureDto(g.Key, g.Sum(r => r.Count), Share(g.Sum(r => r.Count)), g.Select(r => r.Code).Distinct().ToList()))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Clause?.Id, StringComparer.Ordinal)
            .ToList();
        return new ReasonsReportDto(
            scope.Mode,
            scope.From,
            scope.To,
            total,
            reasons,
            clauses,
            Slices(counts, c => c.Source, "(no source)"),
            Slices(counts, c => c.Campaign, "(no campaign)"),
            await NotesAsync(moves, Label, ct));
    }

    private sealed record ReasonMoves(LeadTrigger Trigger, string Code, int Version, string Source, string Campaign, int Count);

    private static List<ReasonSliceDto> Slices(List<ReasonMoves> counts, Func<ReasonMoves, string> key, string none) =>
        counts.GroupBy(key)
            .Select(g => new ReasonSliceDto(
                g.Key,
                g.Key.Length == 0 ? none : g.Key,
                g.Sum(c => c.Count),
                g.GroupBy(c => (c.Trigger, c.Code)).Select(r => new ReasonCountDto(r.Key.Trigger, r.Key.Code, r.Sum(c => c.Count))).OrderByDescending(r => r.Count).ThenBy(r => r.Code, StringComparer.Ordinal).ToList()))
            .OrderByDescending(s => s.Count).ThenBy(s => s.Key, StringComparer.Ordinal)
            .ToList();

    private async Task<List<ReasonNoteDto>> NotesAsync(IQueryable<LedgerEntry> moves, Func<LeadTrigger, string, string> label, CancellationToken ct)
    {
        var notes = await (
                from e in moves
                where e.ExitNote != null
                join l in db.Leads on e.LeadId equals l.Id
                orderby e.LeftAt descending, e.LeadId
                select new { e.LeadId, l.DisplayName, e.ExitTrigger, e.ExitReasonCode, e.ExitNote, e.ExitActorUserId, e.LeftAt })
            .Take(NoteCount)
            .ToListAsync(ct);
        var names = await db.UserNamesAsync(notes.Select(n => n.ExitActorUserId), ct);
        return notes.Select(n =>
            {
                var trigger = Enum.Parse<LeadTrigger>(n.ExitTrigger!);
                var code = n.ExitReasonCode ?? "";
                return new ReasonNoteDto(n.LeadId, n.DisplayName, trigger, code, label(trigger, code), n.ExitNote!, n.ExitActorUserId,
                    n.ExitActorUserId is { } by ? names.GetValueOrDefault(by, "former user") : "system", Ledger.Utc(n.LeftAt!.Value));
            })
            .ToList();
    }
}
