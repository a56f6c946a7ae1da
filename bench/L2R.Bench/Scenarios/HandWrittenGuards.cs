using System.Globalization;
using L2R.Domain.Agreements;
using L2R.Domain.Leads;

namespace L2R.Bench.Scenarios;

/// <summary>
/// S3's baseline: the default agreement's moves and guards written out by hand as one switch, giving the same
/// options (trigger, target, role, reasons, every criterion with its outcome and explanation) as
/// <see cref="LeadWorkflow.Options"/>, without the agreement being data or a state machine being built.
/// </summary>
public static class HandWrittenGuards
{
    public static IReadOnlyList<TransitionOption> Options(LeadFacts facts, Actor actor, ReasonLists reasons)
    {
        var lead = facts.Lead;
        var sales = actor.Roles.HasFlag(Roles.Sales);
        var marketing = actor.Roles.HasFlag(Roles.Marketing);
        return lead.State switch
        {
            LeadState.Raw =>
            [
                Option(LeadTrigger.Score, LeadState.Scored, marketing, true, reasons,
                    Eval("email-valid", "Email address is valid", ValidEmailCriterion.IsValidEmail(lead.Email), $"Email is {Show(lead.Email)}"),
                    Present("company-present", "Company is known", "Company", lead.Company)),
                Disqualify(sales, marketing, reasons),
            ],
            LeadState.Scored =>
            [
                Option(LeadTrigger.Qualify, LeadState.MQL, marketing, true, reasons,
                    Eval("mql-fit", "Fit score at least 30", lead.FitScore >= 30, Invariant($"fit score {lead.FitScore}, needs ≥ 30")),
                    Eval("mql-engagement", "Engagement score at least 25", lead.EngagementScore >= 25, Invariant($"engagement score {lead.EngagementScore}, needs ≥ 25")),
                    Recent("mql-recent", "At least one activity in the last 30 days", facts, 30)),
                Disqualify(sales, marketing, reasons),
            ],
            LeadState.MQL =>
            [
                Option(LeadTrigger.Accept, LeadState.SalesAccepted, sales, false, reasons, Present("sal-phone", "A phone number to call", "Phone", lead.Phone)),
                Option(LeadTrigger.Reject, LeadState.Nurture, sales, false, reasons),
                Disqualify(sales, marketing, reasons),
            ],
            LeadState.SalesAccepted =>
            [
                Option(LeadTrigger.QualifyForSales, LeadState.SQL, sales, false, reasons,
                    Eval("sql-owner", "An owner is assigned", lead.OwnerId is not null, lead.OwnerId is null ? "no owner" : "owner assigned"),
                    Checked("sql-budget", "Budget confirmed", ChecklistItem.Budget, lead.Budget),
                    Checked("sql-authority", "Authority confirmed", ChecklistItem.Authority, lead.Authority),
                    Checked("sql-need", "Need confirmed", ChecklistItem.Need, lead.Need),
                    Checked("sql-timeline", "Timeline confirmed", ChecklistItem.Timeline, lead.Timeline)),
                Option(LeadTrigger.Recycle, LeadState.Nurture, sales, false, reasons),
                Disqualify(sales, marketing, reasons),
            ],
            LeadState.SQL =>
            [
                Option(LeadTrigger.Convert, LeadState.Opportunity, sales, false, reasons,
                    AtLeast("opp-amount", "Opportunity amount is set", "Amount", lead.Amount, 1),
                    Present("opp-close-date", "Expected close date is set", "Expected close date", lead.ExpectedCloseDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
                Option(LeadTrigger.Recycle, LeadState.Nurture, sales, false, reasons),
                Disqualify(sales, marketing, reasons),
            ],
            LeadState.Opportunity =>
            [
                Option(LeadTrigger.Win, LeadState.Won, sales, false, reasons, AtLeast("won-amount", "Won amount is set", "Amount", lead.Amount, 1)),
                Option(LeadTrigger.Lose, LeadState.Lost, sales, false, reasons),
                Disqualify(sales, marketing, reasons),
            ],
            LeadState.Nurture =>
            [
                Option(LeadTrigger.Reengage, LeadState.Scored, marketing, true, reasons,
                    Eval("recycle-time", "At least 14 days in nurture", facts.DaysInStage >= 14, Invariant($"{Math.Floor(facts.DaysInStage)} days in stage, needs ≥ 14")),
                    Recent("recycle-engaged", "New engagement in the last 14 days", facts, 14)),
                Disqualify(sales, marketing, reasons),
            ],
            LeadState.Lost or LeadState.Disqualified => [Option(LeadTrigger.Reopen, LeadState.Nurture, sales || actor.Roles.HasFlag(Roles.Admin), false, reasons)],
            _ => [],
        };
    }

    private static TransitionOption Disqualify(bool sales, bool marketing, ReasonLists reasons) =>
        Option(LeadTrigger.Disqualify, LeadState.Disqualified, sales || marketing, false, reasons);

    private static TransitionOption Option(LeadTrigger trigger, LeadState to, bool allowed, bool auto, ReasonLists reasons, params CriterionEvaluation[] criteria)
    {
        var (kind, list) = trigger switch
        {
            LeadTrigger.Reject => (ReasonListKind.Reject, reasons.Reject),
            LeadTrigger.Recycle => (ReasonListKind.Recycle, reasons.Recycle),
            LeadTrigger.Lose => (ReasonListKind.Loss, reasons.Loss),
            LeadTrigger.Disqualify => (ReasonListKind.Disqualify, reasons.Disqualify),
            LeadTrigger.Reopen => (ReasonListKind.Reopen, reasons.Reopen),
            _ => (ReasonListKind.None, (IReadOnlyList<Reason>)[]),
        };
        return new TransitionOption(trigger, to, allowed, auto, kind, list, criteria);
    }

    private static CriterionEvaluation Eval(string id, string description, bool passed, string actual) => new(id, description, passed, actual);

    private static CriterionEvaluation Present(string id, string description, string label, string? value) =>
        Eval(id, description, !string.IsNullOrWhiteSpace(value), $"{label} is {Show(value)}");

    private static CriterionEvaluation AtLeast(string id, string description, string label, decimal? value, decimal min) =>
        Eval(id, description, value >= min, $"{label} {(value is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) : "empty")}, needs ≥ {min.ToString("0.##", CultureInfo.InvariantCulture)}");

    private static CriterionEvaluation Checked(string id, string description, ChecklistItem item, bool confirmed) =>
        Eval(id, description, confirmed, $"{item} {(confirmed ? "confirmed" : "not confirmed")}");

    private static CriterionEvaluation Recent(string id, string description, LeadFacts facts, int days)
    {
        var since = facts.Now.AddDays(-days);
        var count = 0;
        foreach (var activity in facts.Activities)
        {
            if (activity.OccurredAt >= since && activity.OccurredAt <= facts.Now)
            {
                count++;
            }
        }

        return Eval(id, description, count >= 1, Invariant($"{count} × activities in the last {days} days, needs ≥ 1"));
    }

    private static string Show(string? value) => string.IsNullOrWhiteSpace(value) ? "empty" : $"\"{value}\"";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
