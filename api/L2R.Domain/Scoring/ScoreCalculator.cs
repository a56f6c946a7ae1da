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
        foreach (var rule in model.FitRules)
        {
            if (rule.Condition.Evaluate(facts).Passed)
            {
                items.Add(new ScoreItem(ScoreItemKind.Fit, rule.Id, rule.Condition.Description, rule.Points, null));
            }
        }

        var rulesByType = model.EngagementRules
            .GroupBy(r => r.ActivityType)
            .ToDictionary(g => g.Key, g => g.First());
        foreach (var activity in facts.Activities.OrderByDescending(a => a.OccurredAt))
        {
            if (!rulesByType.TryGetValue(activity.Type, out var rule) || activity.OccurredAt > facts.Now)
            {
                continue;
            }

            var points = Decayed(rule, (facts.Now - activity.OccurredAt).TotalDays);
            items.Add(new ScoreItem(ScoreItemKind.Engagement, activity.Type.ToString(), DescribeActivity(rule), Math.Round(points, 2), activity.OccurredAt));
        }

        var fit = (int)items.Where(i => i.Kind == ScoreItemKind.Fit).Sum(i => i.Points);
        var engagement = (int)Math.Round(items.Where(i => i.Kind == ScoreItemKind.Engagement).Sum(i => i.Points), MidpointRounding.AwayFromZero);
        return new ScoreBreakdown(fit, engagement, items);
    }

    public static double Decayed(EngagementRule rule, double ageDays) =>
        rule.HalfLifeDays <= 0 ? rule.Points : rule.Points * Math.Pow(0.5, Math.Max(0, ageDays) / rule.HalfLifeDays);

    private static string DescribeActivity(EngagementRule rule) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{rule.ActivityType}: {rule.Points} points, halving every {rule.HalfLifeDays:0.#} days");
}
