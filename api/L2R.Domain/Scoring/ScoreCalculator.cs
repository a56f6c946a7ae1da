using L2R.Domain.Agreements;
using L2R.Domain.Leads;

namespace L2R.Domain.Scoring;

public enum ScoreItemKind
{
    Fit,
    Engagement,
}

/// <summary>One line of "why this score": a fit rule that held, or one activity and what it is worth after decay.</summary>
public sealed record ScoreItem(ScoreItemKind Kind, string Source, string Description, double Points, DateTime? OccurredAt);

public sealed record ScoreBreakdown(int Fit, int Engagement, IReadOnlyList<ScoreItem> Items)
{
    public int Total => Fit + Engagement;
}

public static class ScoreCalculator
{
    public static ScoreBreakdown Compute(ScoringModel model, LeadFacts facts)
    {
        var items = new List<ScoreItem>();
        var (fit, engagement) = Score(model, facts, items);
        return new ScoreBreakdown(fit, engagement, items);
    }

    /// <summary>The same scores as <see cref="Compute"/> without the breakdown: what the mover stores on every lead it judges.</summary>
    public static (int Fit, int Engagement) Totals(ScoringModel model, LeadFacts facts) => Score(model, facts, null);

    public static double Decayed(EngagementRule rule, double ageDays) =>
        rule.HalfLifeDays <= 0 ? rule.Points : rule.Points * Math.Pow(0.5, Math.Max(0, ageDays) / rule.HalfLifeDays);

    /// <summary>Adds up fit rules that hold and every activity's decayed points (newest first, each rounded to 0.01 as the breakdown shows it).</summary>
    private static (int Fit, int Engagement) Score(ScoringModel model, LeadFacts facts, List<ScoreItem>? items)
    {
        var fit = 0;
        foreach (var rule in model.FitRules)
        {
            if (rule.Condition.Holds(facts))
            {
                fit += rule.Points;
                items?.Add(new ScoreItem(ScoreItemKind.Fit, rule.Id, rule.Condition.Description, rule.Points, null));
            }
        }

        var engagement = 0.0;
        foreach (var activity in facts.Activities.OrderByDescending(a => a.OccurredAt))
        {
            if (RuleFor(model, activity.Type) is not { } rule || activity.OccurredAt > facts.Now)
            {
                continue;
            }

            var points = Math.Round(Decayed(rule, (facts.Now - activity.OccurredAt).TotalDays), 2);
            engagement += points;
            items?.Add(new ScoreItem(ScoreItemKind.Engagement, activity.Type.ToString(), DescribeActivity(rule), points, activity.OccurredAt));
        }

        return (fit, (int)Math.Round(engagement, MidpointRounding.AwayFromZero));
    }

    /// <summary>The first rule for the activity's type counts; later ones for the same type are ignored.</summary>
    private static EngagementRule? RuleFor(ScoringModel model, ActivityType type)
    {
        foreach (var rule in model.EngagementRules)
        {
            if (rule.ActivityType == type)
            {
                return rule;
            }
        }

        return null;
    }

    private static string DescribeActivity(EngagementRule rule) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{rule.ActivityType}: {rule.Points} points, halving every {rule.HalfLifeDays:0.#} days");
}
