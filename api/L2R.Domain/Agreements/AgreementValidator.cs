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

        ValidateReasons(agreement, agreement.Reasons.Reject, "reasons.reject", issues);
        ValidateReasons(agreement, agreement.Reasons.Recycle, "reasons.recycle", issues);
        ValidateReasons(agreement, agreement.Reasons.Loss, "reasons.loss", issues);
        ValidateReasons(agreement, agreement.Reasons.Disqualify, "reasons.disqualify", issues);
        ValidateReasons(agreement, agreement.Reasons.Reopen, "reasons.reopen", issues);

        if (agreement.Slas.MqlResponseHours < 0)
        {
            issues.Add(new("slas.mqlResponseHours", "The MQL response time cannot be negative."));
        }

        if (agreement.Slas.SalesAcceptedToSqlDays < 0)
        {
            issues.Add(new("slas.salesAcceptedToSqlDays", "The SalesAccepted-to-SQL time cannot be negative."));
        }

        ValidateSlaTerms(agreement.Slas.Terms, issues);
        ValidateDrift(agreement.Drift, issues);
        ValidateRouting(agreement.Routing, issues);
        ValidateScorecard(agreement.Scorecard, issues);
        return issues;
    }

    /// <summary>
    /// Routing's shape: a stage a lead can be assigned on entering, rules with ids, a team and conditions on who the lead
    /// is (not on scores or time, which change without the lead entering the stage again). Whether each team exists is
    /// the tenant's data, checked where the draft is saved.
    /// </summary>
    private static void ValidateRouting(RoutingRules routing, List<AgreementIssue> issues)
    {
        if (routing.AssignOnEntry is LeadState.Raw or LeadState.Won or LeadState.Lost or LeadState.Disqualified)
        {
            issues.Add(new("routing.assignOnEntry", $"Leads are assigned as they enter an open stage after Raw, not {routing.AssignOnEntry}."));
        }

        foreach (var duplicate in routing.Rules.GroupBy(r => r.Id).Where(g => g.Count() > 1))
        {
            issues.Add(new("routing.rules", $"The routing rule id \"{duplicate.Key}\" is used twice."));
        }

        if (routing.FallbackTeamId == Guid.Empty)
        {
            issues.Add(new("routing.fallbackTeamId", "Name a fallback team, or leave it out."));
        }

        for (var i = 0; i < routing.Rules.Count; i++)
        {
            var rule = routing.Rules[i];
            var path = $"routing.rules[{i}]";
            if (string.IsNullOrWhiteSpace(rule.Id))
            {
                issues.Add(new($"{path}.id", "A routing rule needs an id."));
            }

            if (rule.TeamId == Guid.Empty)
            {
                issues.Add(new($"{path}.teamId", "A routing rule sends leads to a team: name one."));
            }

            for (var c = 0; c < rule.Conditions.Count; c++)
            {
                var condition = rule.Conditions[c];
                ValidateCriterion(condition, $"{path}.conditions[{c}]", issues);
                if (condition is ScoreAtLeastCriterion or OwnerAssignedCriterion || condition.DependsOnTime
                    || condition is FieldCriterion { Field: var field } && IsScoreField(field))
                {
                    issues.Add(new($"{path}.conditions[{c}]", "A territory tests who the lead is (country, industry, company size, source…), not scores, owner or time."));
                }
            }
        }
    }

    private static void ValidateSlaTerms(IReadOnlyList<SlaTerm> terms, List<AgreementIssue> issues)
    {
        foreach (var duplicate in terms.GroupBy(t => t.Id, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            issues.Add(new("slas.terms", $"The SLA term id \"{duplicate.Key}\" is used twice."));
        }

        for (var i = 0; i < terms.Count; i++)
        {
            var term = terms[i];
            var path = $"slas.terms[{i}]";
            if (string.IsNullOrWhiteSpace(term.Id))
            {
                issues.Add(new($"{path}.id", "An SLA term needs an id."));
            }

            if (!Enum.IsDefined(term.StartStage) || !term.StartStage.IsOpen())
            {
                issues.Add(new($"{path}.startStage", "A clock can only start in an open stage."));
            }

            if (term.StopTriggers.Count == 0 && term.StopTouches.Count == 0)
            {
                issues.Add(new($"{path}.stopTriggers", "Name at least one decision or touch that meets the term."));
            }

            foreach (var trigger in term.StopTriggers.Where(t => !LeadWorkflow.IsDefinedFrom(term.StartStage, t)))
            {
                issues.Add(new($"{path}.stopTriggers", $"{trigger} is not a move from {term.StartStage}."));
            }

            if (term.TargetHours is <= 0 or > 24 * 366)
            {
                issues.Add(new($"{path}.targetHours", "The target must be more than 0 hours and at most a year."));
            }

            if (term.WarningPercent is < 1 or > 99)
            {
                issues.Add(new($"{path}.warningPercent", "Warn between 1% and 99% of the target."));
            }

            if (term.PausingStages.Contains(term.StartStage) || term.PausingStages.Any(s => !Enum.IsDefined(s) || !s.IsOpen()))
            {
                issues.Add(new($"{path}.pausingStages", "A pausing stage is an open stage other than the start stage."));
            }

            if (term.OnBreach.EscalateTo == SlaEscalation.Role && term.OnBreach.Role is null)
            {
                issues.Add(new($"{path}.onBreach.role", "Name the role to escalate to."));
            }
        }
    }

    private static void ValidateDrift(DriftAlarms drift, List<AgreementIssue> issues)
    {
        if (drift.MqlAcceptanceFloor is < 0 or > 1)
        {
            issues.Add(new("drift.mqlAcceptanceFloor", "The acceptance floor is a share from 0 to 1."));
        }

        if (drift.RejectRateCeiling is < 0 or > 1)
        {
            issues.Add(new("drift.rejectRateCeiling", "The reject-rate ceiling is a share from 0 to 1."));
        }

        if (drift.WindowDays is < 1 or > 365)
        {
            issues.Add(new("drift.windowDays", "The rolling window is 1 to 365 days."));
        }

        if (drift.MinimumSample < 1)
        {
            issues.Add(new("drift.minimumSample", "An alarm needs at least one decision to judge."));
        }
    }

    private static void ValidateScorecard(Scorecard scorecard, List<AgreementIssue> issues)
    {
        if (scorecard.Goals.Count > Scorecard.MaxGoals)
        {
            issues.Add(new("scorecard.goals", $"A scorecard holds at most {Scorecard.MaxGoals} goals, so both teams can keep them in view."));
        }

        for (var i = 0; i < scorecard.Goals.Count; i++)
        {
            var goal = scorecard.Goals[i];
            var path = $"scorecard.goals[{i}]";
            if (string.IsNullOrWhiteSpace(goal.Id))
            {
                issues.Add(new($"{path}.id", "Every goal needs an id."));
            }
            else if (scorecard.Goals.Take(i).Any(g => g.Id == goal.Id))
            {
                issues.Add(new($"{path}.id", $"Another goal already has the id '{goal.Id}'."));
            }

            if (!Enum.IsDefined(goal.Measure))
            {
                issues.Add(new($"{path}.measure", "Unknown measure."));
            }
            else if (ScorecardMeasures.IsHours(goal.Measure) ? goal.Target is <= 0 or > 1000 : goal.Target is < 0 or > 1)
            {
                issues.Add(new($"{path}.target", ScorecardMeasures.IsHours(goal.Measure) ? "The target is a number of hours above 0 and up to 1000." : "The target is a share from 0 to 1."));
            }

            if (goal.MinimumSample is < 1 or > 10_000)
            {
                issues.Add(new($"{path}.minimumSample", "A goal is judged on 1 to 10,000 cases."));
            }

            if (goal.Label is { Length: > 80 })
            {
                issues.Add(new($"{path}.label", "A goal's label is at most 80 characters."));
            }
        }
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

    private static void ValidateReasons(LeadAgreement agreement, IReadOnlyList<Reason> reasons, string path, List<AgreementIssue> issues)
    {
        for (var i = 0; i < reasons.Count; i++)
        {
            if (reasons[i].Disputes is { } disputed)
            {
                ValidateDisputes(agreement, disputed, $"{path}[{i}].disputes", issues);
            }

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

    /// <summary>A disputed clause must be exactly one clause of this agreement, so feedback lands on the words it means.</summary>
    private static void ValidateDisputes(LeadAgreement agreement, string disputed, string path, List<AgreementIssue> issues)
    {
        if (disputed == Reason.DataQuality)
        {
            return;
        }

        var clauses = agreement.ClausesWithId(disputed).ToList();
        if (clauses.Count == 0)
        {
            issues.Add(new(path, $"\"{disputed}\" is neither a criterion nor a fit rule of this agreement, nor {Reason.DataQuality}."));
        }
        else if (clauses.Count > 1)
        {
            issues.Add(new(path, $"\"{disputed}\" names {clauses.Count} clauses ({string.Join(", ", clauses.Select(Where))}); give them different ids to dispute one."));
        }
    }

    private static string Where(AgreementClause clause) => clause.Trigger is { } trigger ? $"a criterion of {trigger}" : "a fit rule";
}
