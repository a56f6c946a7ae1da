using System.Globalization;
using System.Text.Json.Serialization;
using L2R.Domain.Agreements;
using L2R.Domain.Leads;

namespace L2R.Domain.Reviews;

/// <summary>
/// A named change a review's decision makes to the agreement, stored as JSON with a <c>kind</c>. It is applied to a
/// draft's agreement as any edit is (the draft then validates the result); a change that names something the
/// agreement does not have is refused with <see cref="AmendmentException"/>, keyed by the field that named it.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(SetCriterionValueChange), "setCriterionValue")]
[JsonDerivedType(typeof(AddReasonChange), "addReason")]
[JsonDerivedType(typeof(RetireReasonChange), "retireReason")]
[JsonDerivedType(typeof(SetRulePointsChange), "setRulePoints")]
[JsonDerivedType(typeof(SetSlaTargetChange), "setSlaTarget")]
public abstract record AgreementAmendment
{
    public abstract LeadAgreement ApplyTo(LeadAgreement agreement);

    /// <summary>The change in the words of a decision: "Raise the Qualify criterion mql-fit to 40".</summary>
    public abstract string Describe();

    /// <summary>The measure the change aims to move, which the next brief compares before and after it took effect.</summary>
    [JsonIgnore]
    public abstract ReviewMeasure AimsAt { get; }

    protected static string Show(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}

/// <summary>Sets the number a guard's criterion tests: a score, a field's bound, an activity count or days in stage.</summary>
public sealed record SetCriterionValueChange(LeadTrigger Trigger, string CriterionId, decimal Value) : AgreementAmendment
{
    public override LeadAgreement ApplyTo(LeadAgreement agreement)
    {
        var rule = agreement.Transitions.FirstOrDefault(t => t.Trigger == Trigger)
            ?? throw AmendmentException.For("trigger", $"The agreement has no rule for {Trigger}.");
        var criterion = rule.Criteria.FirstOrDefault(c => c.Id == CriterionId)
            ?? throw AmendmentException.For("criterionId", $"{Trigger} has no criterion {CriterionId}.");
        var whole = decimal.ToInt32(decimal.Truncate(Value));
        Criterion changed = criterion switch
        {
            NumberAtLeastCriterion c => c with { Value = Value },
            NumberAtMostCriterion c => c with { Value = Value },
            ScoreAtLeastCriterion c when whole == Value => c with { Value = whole },
            ActivityCountCriterion c when whole == Value => c with { AtLeast = whole },
            TimeInStageCriterion c when whole == Value => c with { Days = whole },
            ScoreAtLeastCriterion or ActivityCountCriterion or TimeInStageCriterion => throw AmendmentException.For("value", $"{CriterionId} takes a whole number."),
            _ => throw AmendmentException.For("criterionId", $"{CriterionId} tests no number; change it in the draft editor."),
        };
        var transitions = agreement.Transitions
            .Select(t => t.Trigger != Trigger ? t : t with { Criteria = t.Criteria.Select(c => c.Id == CriterionId ? changed : c).ToList() })
            .ToList();
        return agreement with { Transitions = transitions };
    }

    public override string Describe() => $"Set the {Trigger} criterion {CriterionId} to {Show(Value)}";

    [JsonIgnore]
    public override ReviewMeasure AimsAt => ReviewMeasure.For(Trigger);
}

/// <summary>Adds a reason to one of the agreement's lists, optionally naming the clause it disputes.</summary>
public sealed record AddReasonChange(ReasonListKind List, string Code, string Label, string? Disputes = null) : AgreementAmendment
{
    public override LeadAgreement ApplyTo(LeadAgreement agreement)
    {
        var reasons = ReasonListEdits.Read(agreement.Reasons, List);
        if (reasons.Any(r => r.Code == Code))
        {
            throw AmendmentException.For("code", $"The {List} list already has the reason {Code}.");
        }

        return agreement with { Reasons = ReasonListEdits.With(agreement.Reasons, List, [.. reasons, new Reason(Code, Label, Disputes)]) };
    }

    public override string Describe() => $"Add \"{Label}\" ({Code}) as a {List.ToString().ToLowerInvariant()} reason" + (Disputes is null ? "" : $", disputing {Disputes}");

    [JsonIgnore]
    public override ReviewMeasure AimsAt => ReviewMeasure.ReasonCount(List, Code);
}

/// <summary>Takes a reason off a list; history keeps its code, so the metrics still count the moves that gave it.</summary>
public sealed record RetireReasonChange(ReasonListKind List, string Code) : AgreementAmendment
{
    public override LeadAgreement ApplyTo(LeadAgreement agreement)
    {
        var reasons = ReasonListEdits.Read(agreement.Reasons, List);
        if (reasons.All(r => r.Code != Code))
        {
            throw AmendmentException.For("code", $"The {List} list has no reason {Code}.");
        }

        return agreement with { Reasons = ReasonListEdits.With(agreement.Reasons, List, reasons.Where(r => r.Code != Code).ToList()) };
    }

    public override string Describe() => $"Retire the {List.ToString().ToLowerInvariant()} reason {Code}";

    [JsonIgnore]
    public override ReviewMeasure AimsAt => ReviewMeasure.ReasonCount(List, Code);
}

public enum ScoringRuleKind
{
    Fit,
    Engagement,
}

/// <summary>Sets a scoring rule's points: a fit rule by its id, an engagement rule by its activity type.</summary>
public sealed record SetRulePointsChange(ScoringRuleKind Scoring, string RuleId, int Points) : AgreementAmendment
{
    public override LeadAgreement ApplyTo(LeadAgreement agreement)
    {
        var scoring = agreement.Scoring;
        if (Scoring == ScoringRuleKind.Fit)
        {
            if (scoring.FitRules.All(r => r.Id != RuleId))
            {
                throw AmendmentException.For("ruleId", $"The agreement has no fit rule {RuleId}.");
            }

            return agreement with { Scoring = scoring with { FitRules = scoring.FitRules.Select(r => r.Id == RuleId ? r with { Points = Points } : r).ToList() } };
        }

        if (!Enum.TryParse<ActivityType>(RuleId, ignoreCase: false, out var type) || scoring.EngagementRules.All(r => r.ActivityType != type))
        {
            throw AmendmentException.For("ruleId", $"The agreement has no engagement rule for {RuleId}.");
        }

        return agreement with { Scoring = scoring with { EngagementRules = scoring.EngagementRules.Select(r => r.ActivityType == type ? r with { Points = Points } : r).ToList() } };
    }

    public override string Describe() => $"Set the {Scoring.ToString().ToLowerInvariant()} rule {RuleId} to {Points} points";

    /// <summary>Scoring decides which leads become MQLs: whether sales accepts more of them is what a change of points aims at.</summary>
    [JsonIgnore]
    public override ReviewMeasure AimsAt => ReviewMeasure.MqlAcceptance;
}

/// <summary>
/// Sets an SLA term's target in hours. An agreement that states only the two numbers gets its terms written out in
/// full first (<see cref="SlaTerms.Effective"/>), so the change reads the same as an edit of the terms.
/// </summary>
public sealed record SetSlaTargetChange(string TermId, double TargetHours) : AgreementAmendment
{
    public override LeadAgreement ApplyTo(LeadAgreement agreement)
    {
        var terms = agreement.Slas.Effective();
        if (terms.All(t => t.Id != TermId))
        {
            throw AmendmentException.For("termId", $"The agreement has no SLA term {TermId}.");
        }

        return agreement with { Slas = agreement.Slas with { Terms = terms.Select(t => t.Id == TermId ? t with { TargetHours = TargetHours } : t).ToList() } };
    }

    public override string Describe() => string.Create(CultureInfo.InvariantCulture, $"Set the SLA term {TermId} to {TargetHours:0.##} hours");

    [JsonIgnore]
    public override ReviewMeasure AimsAt => ReviewMeasure.SlaCompliance(TermId);
}

/// <summary>A change that cannot apply to the agreement it is given: it names a rule, reason or term that is not there.</summary>
public sealed class AmendmentException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;

    public static AmendmentException For(string field, string message) => new(field, message);
}

internal static class ReasonListEdits
{
    public static IReadOnlyList<Reason> Read(ReasonLists lists, ReasonListKind list) => list switch
    {
        ReasonListKind.Reject => lists.Reject,
        ReasonListKind.Recycle => lists.Recycle,
        ReasonListKind.Loss => lists.Loss,
        ReasonListKind.Disqualify => lists.Disqualify,
        ReasonListKind.Reopen => lists.Reopen,
        _ => throw AmendmentException.For("list", "Name a reason list: Reject, Recycle, Loss, Disqualify or Reopen."),
    };

    public static ReasonLists With(ReasonLists lists, ReasonListKind list, IReadOnlyList<Reason> reasons) => list switch
    {
        ReasonListKind.Reject => lists with { Reject = reasons },
        ReasonListKind.Recycle => lists with { Recycle = reasons },
        ReasonListKind.Loss => lists with { Loss = reasons },
        ReasonListKind.Disqualify => lists with { Disqualify = reasons },
        _ => lists with { Reopen = reasons },
    };
}
