using L2R.Domain.Leads;

namespace L2R.Domain.Agreements;

/// <summary>A problem with an agreement, addressed by a JSON path so an editor can show it beside the field.</summary>
public sealed record AgreementIssue(string Path, string Message);

/// <summary>Checks an agreement is one a lead can live under: known fields, sane numbers, reasons wherever a move needs one.</summary>
public static class AgreementValidator
{
    public static IReadOnlyList<AgreementIssue> Validate(LeadAgreement agreement)
    {
        var issues = new List<AgreementIssue>();

        for (var i = 0; i < agreement.Scoring.FitRules.Count; i++)
        {
            var rule = agreement.Scoring.FitRules[i];
            var path = $"scoring.fitRules[{i}]";
            if (string.IsNullOrWhiteSpace(rule.Id))
            {
                issues.Add(new($"{path}.id", "A fit rule needs an id."));
            }

            if (rule.Condition is ScoreAtLeastCriterion || rule.Condition is FieldCriterion { Field: var field } && IsScoreField(field))
            {
                issues.Add(new($"{path}.condition", "A fit rule cannot depend on a score (it would depend on itself)."));
            }
            else if (rule.Condition.DependsOnTime)
            {
                issues.Add(new($"{path}.condition", "Fit describes who the lead is; activity and time belong in engagement rules or guards."));
            }

            ValidateCriterion(rule.Condition, $"{path}.condition", issues);
        }

        for (var i = 0; i < agreement.Scoring.EngagementRules.Count; i++)
        {
            var rule = agreement.Scoring.EngagementRules[i];
            if (rule.HalfLifeDays <= 0)
            {
                issues.Add(new($"scoring.engagementRules[{i}].halfLifeDays", "The half-life must be more than 0 days."));
            }
        }

        foreach (var duplicate in agreement.Scoring.EngagementRules.GroupBy(r => r.ActivityType).Where(g => g.Count() > 1))
        {
            issues.Add(new("scoring.engagementRules", $"{duplicate.Key} has more than one engagement rule."));
        }

        foreach (var duplicate in agreement.Transitions.GroupBy(t => t.Trigger).Where(g => g.Count() > 1))
        {
            issues.Add(new("transitions", $"{duplicate.Key} is defined more than once."));
        }

        for (var i = 0; i < agreement.Transitions.Count; i++)
        {
            var rule = agreement.Transitions[i];
            var path = $"transitions[{i}]";
            if (rule.AutoAdvance && LeadWorkflow.ReasonListOf(rule.Trigger) != ReasonListKind.None)
            {
                issues.Add(new($"{path}.autoAdvance", $"{rule.Trigger} needs a reason, which only a person can give, so it cannot advance automatically."));
            }

            if (rule.Roles.Count == 0 && !rule.AutoAdvance && !rule.IntegrationMayFire)
            {
                issues.Add(new($"{path}.roles", $"Nobody could fire {rule.Trigger}: give it a role, open it to integrations or let it advance automatically."));
            }

            for (var c = 0; c < rule.Criteria.Count; c++)
            {
                ValidateCriterion(rule.Criteria[c], $"{path}.criteria[{c}]", issues);
            }

            foreach (var duplicate in rule.Criteria.GroupBy(c => c.Id).Where(g => g.Count() > 1))
            {
                issues.Add(new($"{path}.criteria", $"The criterion id \"{duplicate.Key}\" is used twice."));
            }

            if (LeadWorkflow.ReasonListOf(rule.Trigger) is var list and not ReasonListKind.None && agreement.ReasonsFor(rule.Trigger).Count == 0)
            {
                issues.Add(new($"reasons.{list.ToString().ToLowerInvariant()}", $"{rule.Trigger} needs a reason, so its reason list cannot be empty."));
            }
        }

        ValidateReasons(agreement.Reasons.Reject, "reasons.reject", issues);
        ValidateReasons(agreement.Reasons.Recycle, "reasons.recycle", issues);
        ValidateReasons(agreement.Reasons.Loss, "reasons.loss", issues);
        ValidateReasons(agreement.Reasons.Disqualify, "reasons.disqualify", issues);
        ValidateReasons(agreement.Reasons.Reopen, "reasons.reopen", issues);

        if (agreement.Slas.MqlResponseHours < 0)
        {
            issues.Add(new("slas.mqlResponseHours", "The MQL response time cannot be negative."));
        }

        if (agreement.Slas.SalesAcceptedToSqlDays < 0)
        {
            issues.Add(new("slas.salesAcceptedToSqlDays", "The SalesAccepted-to-SQL time cannot be negative."));
        }

        return issues;
    }

    private static bool IsScoreField(string field) =>
        field.Equals("fitScore", StringComparison.OrdinalIgnoreCase)
        || field.Equals("engagementScore", StringComparison.OrdinalIgnoreCase)
        || field.Equals("totalScore", StringComparison.OrdinalIgnoreCase);

    private static void ValidateCriterion(Criterion criterion, string path, List<AgreementIssue> issues)
    {
        if (string.IsNullOrWhiteSpace(criterion.Id))
        {
            issues.Add(new($"{path}.id", "A criterion needs an id."));
        }

        if (string.IsNullOrWhiteSpace(criterion.Description))
        {
            issues.Add(new($"{path}.description", "A criterion needs a plain-language description."));
        }

        if (criterion is FieldCriterion fieldCriterion && !LeadFields.IsKnown(fieldCriterion.Field))
        {
            issues.Add(new($"{path}.field", $"\"{fieldCriterion.Field}\" is not a lead field."));
        }

        switch (criterion)
        {
            case NumberAtLeastCriterion { Field: var field } when LeadFields.IsKnown(field) && !LeadFields.IsNumeric(field):
            case NumberAtMostCriterion { Field: var otherField } when LeadFields.IsKnown(otherField) && !LeadFields.IsNumeric(otherField):
                issues.Add(new($"{path}.field", "A numeric comparison needs a numeric field."));
                break;
            case NumberAtLeastCriterion { Value: < 0 }:
                issues.Add(new($"{path}.value", "The threshold cannot be negative."));
                break;
            case ScoreAtLeastCriterion { Value: < 0 }:
                issues.Add(new($"{path}.value", "The threshold cannot be negative."));
                break;
            case ActivityCountCriterion activity:
                if (activity.AtLeast < 1)
                {
                    issues.Add(new($"{path}.atLeast", "Count at least one activity."));
                }

                if (activity.WithinDays < 1)
                {
                    issues.Add(new($"{path}.withinDays", "The window must be at least one day."));
                }

                break;
            case TimeInStageCriterion { Days: < 0 }:
                issues.Add(new($"{path}.days", "Days in stage cannot be negative."));
                break;
            case FieldInCriterion { Values.Count: 0 }:
                issues.Add(new($"{path}.values", "List at least one value."));
                break;
            case FieldEqualsCriterion { Value: var value } when string.IsNullOrWhiteSpace(value):
            case FieldContainsCriterion { Value: var text } when string.IsNullOrWhiteSpace(text):
                issues.Add(new($"{path}.value", "Give a value to compare with."));
                break;
        }
    }

    private static void ValidateReasons(IReadOnlyList<Reason> reasons, string path, List<AgreementIssue> issues)
    {
        for (var i = 0; i < reasons.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(reasons[i].Code))
            {
                issues.Add(new($"{path}[{i}].code", "A reason needs a code."));
            }

            if (string.IsNullOrWhiteSpace(reasons[i].Label))
            {
                issues.Add(new($"{path}[{i}].label", "A reason needs a label."));
            }
        }

        foreach (var duplicate in reasons.GroupBy(r => r.Code, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            issues.Add(new(path, $"The reason code \"{duplicate.Key}\" is used twice."));
        }
    }
}
