using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using L2R.Domain.Leads;

namespace L2R.Domain.Agreements;

public enum ChangeArea
{
    Scoring,
    Transition,
    Reasons,
    Slas,
    Alarms,
    Routing,
    Scorecard,
}

/// <summary>One difference between two agreement versions, said the way both teams talk: "Qualify: fit score threshold 30 → 40".</summary>
public sealed record AgreementChange(ChangeArea Area, string Subject, string Description);

/// <summary>Compares two agreements item by item (criteria and rules by id, reasons by code) and describes each difference in plain language.</summary>
public static class AgreementDiff
{
    public static IReadOnlyList<AgreementChange> Compare(LeadAgreement from, LeadAgreement to)
    {
        var changes = new List<AgreementChange>();
        CompareFitRules(from.Scoring.FitRules, to.Scoring.FitRules, changes);
        CompareEngagement(from.Scoring.EngagementRules, to.Scoring.EngagementRules, changes);
        foreach (var trigger in Enum.GetValues<LeadTrigger>())
        {
            CompareTransition(from.RuleFor(trigger), to.RuleFor(trigger), changes);
        }

        CompareReasons("Reject", from, to, a => a.Reasons.Reject, changes);
        CompareReasons("Recycle", from, to, a => a.Reasons.Recycle, changes);
        CompareReasons("Loss", from, to, a => a.Reasons.Loss, changes);
        CompareReasons("Disqualify", from, to, a => a.Reasons.Disqualify, changes);
        CompareReasons("Reopen", from, to, a => a.Reasons.Reopen, changes);
        CompareSlaTerms(from.Slas.Effective(), to.Slas.Effective(), changes);
        CompareDrift(from.Drift, to.Drift, changes);
        CompareRouting(from.Routing, to.Routing, changes);
        CompareScorecard(from.Scorecard, to.Scorecard, changes);
        return changes;
    }

    /// <summary>Rules by id (added, removed, moved in the order, or changed: conditions, team, distribution), then the stage and the fallback.</summary>
    private static void CompareRouting(RoutingRules from, RoutingRules to, List<AgreementChange> changes)
    {
        void Add(string subject, string text) => changes.Add(new(ChangeArea.Routing, subject, text));

        if (from.AssignOnEntry != to.AssignOnEntry)
        {
            Add("Routing", $"Leads are assigned on entering {from.AssignOnEntry} → {to.AssignOnEntry}");
        }

        foreach (var removed in from.Rules.Where(f => to.Rules.All(t => t.Id != f.Id)))
        {
            Add(RuleName(removed), $"Routing rule removed: {RuleName(removed)}");
        }

        for (var i = 0; i < to.Rules.Count; i++)
        {
            var rule = to.Rules[i];
            var index = from.Rules.ToList().FindIndex(f => f.Id == rule.Id);
            if (index < 0)
            {
                Add(RuleName(rule), $"Routing rule added at position {i + 1}: {RuleName(rule)} → team {rule.TeamId}, {rule.Distribution}");
                continue;
            }

            var before = from.Rules[index];
            if (index != i)
            {
                Add(RuleName(rule), $"{RuleName(rule)}: position {index + 1} → {i + 1} (first match wins)");
            }

            if (before.TeamId != rule.TeamId)
            {
                Add(RuleName(rule), $"{RuleName(rule)}: team {before.TeamId} → {rule.TeamId}");
            }

            if (before.Distribution != rule.Distribution)
            {
                Add(RuleName(rule), $"{RuleName(rule)}: distribution {before.Distribution} → {rule.Distribution}");
            }

            var conditionsBefore = string.Join("; ", before.Conditions.Select(c => c.Description));
            var conditionsNow = string.Join("; ", rule.Conditions.Select(c => c.Description));
            if (JsonSerializer.Serialize(before.Conditions, AgreementJson.Options) != JsonSerializer.Serialize(rule.Conditions, AgreementJson.Options))
            {
                Add(RuleName(rule), $"{RuleName(rule)}: conditions “{conditionsBefore}” → “{conditionsNow}”");
            }
        }

        if (from.FallbackTeamId != to.FallbackTeamId || from.FallbackDistribution != to.FallbackDistribution)
        {
            Add("Fallback", $"Fallback team {Team(from.FallbackTeamId)} ({from.FallbackDistribution}) → {Team(to.FallbackTeamId)} ({to.FallbackDistribution})");
        }
    }

    private static string RuleName(RoutingRule rule) => string.IsNullOrWhiteSpace(rule.Name) ? rule.Id : rule.Name;

    private static string Team(Guid? id) => id?.ToString() ?? "none (the team's queue)";

    /// <summary>Terms by id: added, removed, or each property that changed ("MQL response: target (hours) 24 → 8").</summary>
    private static void CompareSlaTerms(IReadOnlyList<SlaTerm> from, IReadOnlyList<SlaTerm> to, List<AgreementChange> changes)
    {
        foreach (var removed in from.Where(f => to.All(t => t.Id != f.Id)))
        {
            changes.Add(new(ChangeArea.Slas, TermName(removed), $"SLA removed: {TermName(removed)}"));
        }

        foreach (var term in to)
        {
            var before = from.FirstOrDefault(f => f.Id == term.Id);
            if (before is null)
            {
                changes.Add(new(ChangeArea.Slas, TermName(term), $"SLA added: {TermName(term)}, {Hours(term.TargetHours)} from entering {term.StartStage}"));
                continue;
            }

            var old = JsonSerializer.SerializeToNode(before, AgreementJson.Options)!.AsObject();
            var now = JsonSerializer.SerializeToNode(term, AgreementJson.Options)!.AsObject();
            foreach (var name in now.Select(p => p.Key).Where(n => n != "id" && old[n]?.ToJsonString() != now[n]?.ToJsonString()))
            {
                changes.Add(new(ChangeArea.Slas, TermName(term), $"{TermName(term)}: {SlaPropertyLabel(name)} {Show(old[name])} → {Show(now[name])}"));
            }
        }
    }

    private static string TermName(SlaTerm term) => string.IsNullOrWhiteSpace(term.Name) ? term.Id : term.Name;

    private static string SlaPropertyLabel(string property) => property switch
    {
        "startStage" => "starts on entering",
        "stopTriggers" => "met by decisions",
        "stopTouches" => "met by touches",
        "targetHours" => "target (hours)",
        "basis" => "counted in",
        "warningPercent" => "warning at (%)",
        "onBreach" => "on breach",
        "pausingStages" => "paused in",
        _ => property,
    };

    private static string Hours(double hours) => hours.ToString("0.##", CultureInfo.InvariantCulture) + " h";

    /// <summary>Goals by id: added, removed, or changed in what they measure, their target, label or sample.</summary>
    private static void CompareScorecard(Scorecard from, Scorecard to, List<AgreementChange> changes)
    {
        void Add(string subject, string text) => changes.Add(new(ChangeArea.Scorecard, subject, text));

        foreach (var removed in from.Goals.Where(f => to.Goals.All(t => t.Id != f.Id)))
        {
            Add(removed.Describe(), $"Goal removed: {removed.Describe()}");
        }

        foreach (var goal in to.Goals)
        {
            var before = from.Goals.FirstOrDefault(f => f.Id == goal.Id);
            if (before is null)
            {
                Add(goal.Describe(), $"Goal added: {goal.Describe()}");
            }
            else if (before.Describe() != goal.Describe())
            {
                Add(goal.Describe(), $"Goal {before.Describe()} → {goal.Describe()}");
            }

            if (before is not null && before.MinimumSample != goal.MinimumSample)
            {
                Add(goal.Describe(), $"Goal “{goal.Describe()}” is judged on at least {before.MinimumSample} → {goal.MinimumSample} cases");
            }
        }
    }

    private static void CompareDrift(DriftAlarms from, DriftAlarms to, List<AgreementChange> changes)
    {
        void Add(string subject, string text) => changes.Add(new(ChangeArea.Alarms, subject, text));

        if (from.MqlAcceptanceFloor != to.MqlAcceptanceFloor)
        {
            Add("MQL acceptance floor", $"MQL acceptance floor {Share(from.MqlAcceptanceFloor)} → {Share(to.MqlAcceptanceFloor)}");
        }

        if (from.RejectRateCeiling != to.RejectRateCeiling)
        {
            Add("Reject-rate ceiling", $"Reject-rate ceiling {Share(from.RejectRateCeiling)} → {Share(to.RejectRateCeiling)}");
        }

        if (from.WindowDays != to.WindowDays)
        {
            Add("Alarm window", $"Alarm window {from.WindowDays} days → {to.WindowDays} days");
        }

        if (from.MinimumSample != to.MinimumSample)
        {
            Add("Alarm sample", $"Alarms need {from.MinimumSample} → {to.MinimumSample} decisions");
        }
    }

    private static void CompareFitRules(IReadOnlyList<FitRule> from, IReadOnlyList<FitRule> to, List<AgreementChange> changes)
    {
        foreach (var removed in from.Where(f => to.All(t => t.Id != f.Id)))
        {
            changes.Add(new(ChangeArea.Scoring, "Fit", $"Fit rule removed: {removed.Condition.Description} ({Points(removed.Points)})"));
        }

        foreach (var rule in to)
        {
            var before = from.FirstOrDefault(f => f.Id == rule.Id);
            if (before is null)
            {
                changes.Add(new(ChangeArea.Scoring, "Fit", $"Fit rule added: {rule.Condition.Description} ({Points(rule.Points)})"));
                continue;
            }

            if (before.Points != rule.Points)
            {
                changes.Add(new(ChangeArea.Scoring, "Fit", $"{rule.Condition.Description}: {Points(before.Points)} → {Points(rule.Points)}"));
            }

            foreach (var detail in CriterionChanges(before.Condition, rule.Condition))
            {
                changes.Add(new(ChangeArea.Scoring, "Fit", $"Fit rule “{before.Condition.Description}”: {detail}"));
            }
        }
    }

    private static void CompareEngagement(IReadOnlyList<EngagementRule> from, IReadOnlyList<EngagementRule> to, List<AgreementChange> changes)
    {
        foreach (var type in from.Select(r => r.ActivityType).Union(to.Select(r => r.ActivityType)))
        {
            var before = from.FirstOrDefault(r => r.ActivityType == type);
            var after = to.FirstOrDefault(r => r.ActivityType == type);
            var text = (before, after) switch
            {
                (null, { } a) => $"{type} now scores {Points(a.Points)}, halving every {Days(a.HalfLifeDays)}",
                ({ }, null) => $"{type} no longer scores",
                ({ } b, { } a) when b.Points != a.Points && b.HalfLifeDays != a.HalfLifeDays =>
                    $"{type}: {Points(b.Points)} → {Points(a.Points)}, half-life {Days(b.HalfLifeDays)} → {Days(a.HalfLifeDays)}",
                ({ } b, { } a) when b.Points != a.Points => $"{type}: {Points(b.Points)} → {Points(a.Points)}",
                ({ } b, { } a) when b.HalfLifeDays != a.HalfLifeDays => $"{type}: half-life {Days(b.HalfLifeDays)} → {Days(a.HalfLifeDays)}",
                _ => null,
            };
            if (text is not null)
            {
                changes.Add(new(ChangeArea.Scoring, "Engagement", text));
            }
        }
    }

    private static void CompareTransition(TransitionRule from, TransitionRule to, List<AgreementChange> changes)
    {
        var subject = $"{to.Trigger} ({string.Join("/", LeadWorkflow.Definitions.First(d => d.Trigger == to.Trigger).From)} → {LeadWorkflow.TargetOf(to.Trigger)})";
        void Add(string text) => changes.Add(new(ChangeArea.Transition, subject, $"{to.Trigger}: {text}"));

        if (!from.Roles.Order().SequenceEqual(to.Roles.Order()))
        {
            Add($"who may fire it {Roles(from.Roles)} → {Roles(to.Roles)}");
        }

        if (from.AutoAdvance != to.AutoAdvance)
        {
            Add(to.AutoAdvance ? "now advances automatically" : "no longer advances automatically");
        }

        if (from.IntegrationMayFire != to.IntegrationMayFire)
        {
            Add(to.IntegrationMayFire ? "integrations may now fire it" : "integrations may no longer fire it");
        }

        foreach (var removed in from.Criteria.Where(c => to.Criteria.All(t => t.Id != c.Id)))
        {
            Add($"criterion removed: {removed.Description}");
        }

        foreach (var criterion in to.Criteria)
        {
            var before = from.Criteria.FirstOrDefault(c => c.Id == criterion.Id);
            if (before is null)
            {
                Add($"criterion added: {criterion.Description}");
                continue;
            }

            foreach (var detail in CriterionChanges(before, criterion))
            {
                Add(detail);
            }
        }
    }

    /// <summary>What changed inside one criterion: its kind, each property ("fit score threshold 30 → 40"), or its wording.</summary>
    private static IEnumerable<string> CriterionChanges(Criterion before, Criterion after)
    {
        var old = JsonSerializer.SerializeToNode(before, AgreementJson.Options)!.AsObject();
        var now = JsonSerializer.SerializeToNode(after, AgreementJson.Options)!.AsObject();
        if (old["kind"]?.GetValue<string>() != now["kind"]?.GetValue<string>())
        {
            yield return $"“{before.Description}” → “{after.Description}”";
            yield break;
        }

        foreach (var name in now.Select(p => p.Key).Union(old.Select(p => p.Key)).Where(n => n is not "kind" and not "id" and not "description"))
        {
            var was = old[name]?.ToJsonString();
            var becomes = now[name]?.ToJsonString();
            if (was != becomes)
            {
                yield return $"{Subject(after)} {PropertyLabel(name)} {Show(old[name])} → {Show(now[name])}";
            }
        }

        if (before.Description != after.Description)
        {
            yield return $"“{before.Description}” now reads “{after.Description}”";
        }
    }

    private static string Subject(Criterion criterion) => criterion switch
    {
        ScoreAtLeastCriterion score => $"{score.Score.ToString().ToLowerInvariant()} score",
        FieldCriterion field => LeadFields.LabelOf(field.Field).ToLowerInvariant(),
        ActivityCountCriterion activity => activity.ActivityType?.ToString() ?? "activity",
        TimeInStageCriterion => "time in stage",
        ChecklistConfirmedCriterion => "checklist",
        _ => criterion.Id,
    };

    private static string PropertyLabel(string property) => property switch
    {
        "value" => "threshold",
        "values" => "values",
        "atLeast" => "count",
        "withinDays" => "window (days)",
        "days" => "days",
        "field" => "field",
        "score" => "score",
        "activityType" => "activity type",
        "item" => "item",
        _ => property,
    };

    private static string Show(JsonNode? node) => node switch
    {
        null => "none",
        JsonArray array => string.Join(", ", array.Select(Show)),
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => node.ToJsonString(),
    };

    private static void CompareReasons(string list, LeadAgreement fromAgreement, LeadAgreement toAgreement, Func<LeadAgreement, IReadOnlyList<Reason>> reasons, List<AgreementChange> changes)
    {
        var from = reasons(fromAgreement);
        var to = reasons(toAgreement);
        foreach (var removed in from.Where(f => to.All(t => !t.Code.Equals(f.Code, StringComparison.OrdinalIgnoreCase))))
        {
            changes.Add(new(ChangeArea.Reasons, list, $"{list} reason removed: {removed.Label} ({removed.Code})"));
        }

        foreach (var reason in to)
        {
            var before = from.FirstOrDefault(f => f.Code.Equals(reason.Code, StringComparison.OrdinalIgnoreCase));
            if (before is null)
            {
                changes.Add(new(ChangeArea.Reasons, list, $"{list} reason added: {reason.Label} ({reason.Code})"));
                before = reason with { Disputes = null };
            }
            else if (before.Label != reason.Label)
            {
                changes.Add(new(ChangeArea.Reasons, list, $"{list} reason {reason.Code}: “{before.Label}” → “{reason.Label}”"));
            }

            if (before.Disputes != reason.Disputes)
            {
                changes.Add(new(ChangeArea.Reasons, list, reason.Disputes is null
                    ? $"{list} reason {reason.Code} no longer disputes {Clause(fromAgreement, before.Disputes!)}"
                    : $"{list} reason {reason.Code} disputes {Clause(toAgreement, reason.Disputes)}"));
            }
        }
    }

    private static string Clause(LeadAgreement agreement, string id) => agreement.FindClause(id) is { } clause ? $"“{clause.Description}”" : $"“{id}”";

    private static string Share(double? share) => share is { } s ? s.ToString("0.#%", CultureInfo.InvariantCulture) : "none";

    private static string Roles(IReadOnlyList<Role> roles) => roles.Count == 0 ? "nobody" : string.Join(" and ", roles);

    private static string Points(int points) => points.ToString("+0;-0;0", CultureInfo.InvariantCulture) + " points";

    private static string Days(double days) => days.ToString("0.#", CultureInfo.InvariantCulture) + " days";
}
