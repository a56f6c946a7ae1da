using System.Globalization;
using System.Net.Mail;
using System.Text.Json.Serialization;
using L2R.Domain.Leads;

namespace L2R.Domain.Agreements;

/// <summary>A condition the agreement places on a move (or a fit rule's condition); it is data, stored as JSON with a <c>kind</c>.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(FieldPresentCriterion), "fieldPresent")]
[JsonDerivedType(typeof(FieldEqualsCriterion), "fieldEquals")]
[JsonDerivedType(typeof(FieldInCriterion), "fieldIn")]
[JsonDerivedType(typeof(FieldContainsCriterion), "fieldContains")]
[JsonDerivedType(typeof(NumberAtLeastCriterion), "numberAtLeast")]
[JsonDerivedType(typeof(NumberAtMostCriterion), "numberAtMost")]
[JsonDerivedType(typeof(ValidEmailCriterion), "validEmail")]
[JsonDerivedType(typeof(ScoreAtLeastCriterion), "scoreAtLeast")]
[JsonDerivedType(typeof(ActivityCountCriterion), "activityCount")]
[JsonDerivedType(typeof(TimeInStageCriterion), "timeInStage")]
[JsonDerivedType(typeof(OwnerAssignedCriterion), "ownerAssigned")]
[JsonDerivedType(typeof(ChecklistConfirmedCriterion), "checklistConfirmed")]
public abstract record Criterion
{
    /// <summary>Stable within an agreement version; evaluations and the 422 answer refer to it.</summary>
    public required string Id { get; init; }

    /// <summary>Plain language both teams signed: "Fit score at least 40".</summary>
    public required string Description { get; init; }

    public abstract CriterionEvaluation Evaluate(LeadFacts facts);

    /// <summary>Whether time alone can change the outcome (decay, windows, time in stage), so the periodic sweep must re-check it.</summary>
    [JsonIgnore]
    public virtual bool DependsOnTime => false;

    protected CriterionEvaluation Result(bool passed, string actual) => new(Id, Description, passed, actual);

    protected static string Show(string? value) => string.IsNullOrWhiteSpace(value) ? "empty" : $"\"{value}\"";

    protected static string Show(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}

public sealed record CriterionEvaluation(string Id, string Description, bool Passed, string Actual);

public abstract record FieldCriterion : Criterion
{
    public required string Field { get; init; }

    protected string Label => LeadFields.LabelOf(Field);
}

public sealed record FieldPresentCriterion : FieldCriterion
{
    public override CriterionEvaluation Evaluate(LeadFacts facts)
    {
        var value = LeadFields.ReadText(facts, Field);
        return Result(!string.IsNullOrWhiteSpace(value), $"{Label} is {Show(value)}");
    }
}

public sealed record FieldEqualsCriterion : FieldCriterion
{
    public required string Value { get; init; }

    public override CriterionEvaluation Evaluate(LeadFacts facts)
    {
        var value = LeadFields.ReadText(facts, Field);
        var passed = string.Equals(value?.Trim(), Value.Trim(), StringComparison.OrdinalIgnoreCase);
        return Result(passed, $"{Label} is {Show(value)}, needs \"{Value}\"");
    }
}

public sealed record FieldInCriterion : FieldCriterion
{
    public required IReadOnlyList<string> Values { get; init; }

    public override CriterionEvaluation Evaluate(LeadFacts facts)
    {
        var value = LeadFields.ReadText(facts, Field)?.Trim();
        var passed = value is not null && Values.Any(v => string.Equals(v.Trim(), value, StringComparison.OrdinalIgnoreCase));
        return Result(passed, $"{Label} is {Show(value)}, needs one of {string.Join(", ", Values)}");
    }
}

public sealed record FieldContainsCriterion : FieldCriterion
{
    public required string Value { get; init; }

    public override CriterionEvaluation Evaluate(LeadFacts facts)
    {
        var value = LeadFields.ReadText(facts, Field);
        var passed = value is not null && value.Contains(Value, StringComparison.OrdinalIgnoreCase);
        return Result(passed, $"{Label} is {Show(value)}, needs to contain \"{Value}\"");
    }
}

public sealed record NumberAtLeastCriterion : FieldCriterion
{
    public required decimal Value { get; init; }

    [JsonIgnore]
    public override bool DependsOnTime => Field.Equals("daysInStage", StringComparison.OrdinalIgnoreCase);

    public override CriterionEvaluation Evaluate(LeadFacts facts)
    {
        var value = LeadFields.ReadNumber(facts, Field);
        return Result(value >= Value, $"{Label} {(value is { } v ? Show(v) : "empty")}, needs ≥ {Show(Value)}");
    }
}

public sealed record NumberAtMostCriterion : FieldCriterion
{
    public required decimal Value { get; init; }

    [JsonIgnore]
    public override bool DependsOnTime => Field.Equals("daysInStage", StringComparison.OrdinalIgnoreCase);

    public override CriterionEvaluation Evaluate(LeadFacts facts)
    {
        var value = LeadFields.ReadNumber(facts, Field);
        return Result(value <= Value, $"{Label} {(value is { } v ? Show(v) : "empty")}, needs ≤ {Show(Value)}");
    }
}

public sealed record ValidEmailCriterion : Criterion
{
    public override CriterionEvaluation Evaluate(LeadFacts facts)
    {
        var email = facts.Lead.Email;
        return Result(IsValidEmail(email), $"Email is {Show(email)}");
    }

    public static bool IsValidEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email) || email.Length > 254 || email.Any(char.IsWhiteSpace))
        {
            return false;
        }

        var at = email.LastIndexOf('@');
        return at > 0
            && email.IndexOf('.', at) > at + 1
            && !email.EndsWith('.')
            && MailAddress.TryCreate(email, out var parsed)
            && parsed.Address == email;
    }
}

public enum ScoreKind
{
    Fit,
    Engagement,
    Total,
}

public sealed record ScoreAtLeastCriterion : Criterion
{
    public required ScoreKind Score { get; init; }
    public required int Value { get; init; }

    /// <summary>Engagement decays with time, so a sweep must re-check it.</summary>
    [JsonIgnore]
    public override bool DependsOnTime => Score != ScoreKind.Fit;

    public override CriterionEvaluation Evaluate(LeadFacts facts)
    {
        var actual = Score switch
        {
            ScoreKind.Fit => facts.Lead.FitScore,
            ScoreKind.Engagement => facts.Lead.EngagementScore,
            _ => facts.Lead.TotalScore,
        };
        return Result(actual >= Value, string.Create(CultureInfo.InvariantCulture, $"{Score.ToString().ToLowerInvariant()} score {actual}, needs ≥ {Value}"));
    }
}

public sealed record ActivityCountCriterion : Criterion
{
    /// <summary>Null counts every activity type.</summary>
    public ActivityType? ActivityType { get; init; }
    public required int AtLeast { get; init; }
    public required int WithinDays { get; init; }

    [JsonIgnore]
    public override bool DependsOnTime => true;

    public override CriterionEvaluation Evaluate(LeadFacts facts)
    {
        var since = facts.Now.AddDays(-WithinDays);
        var count = facts.Activities.Count(a => a.OccurredAt >= since && a.OccurredAt <= facts.Now && (ActivityType is null || a.Type == ActivityType));
        var what = ActivityType?.ToString() ?? "activities";
        return Result(count >= AtLeast, string.Create(CultureInfo.InvariantCulture, $"{count} × {what} in the last {WithinDays} days, needs ≥ {AtLeast}"));
    }
}

public sealed record TimeInStageCriterion : Criterion
{
    public required int Days { get; init; }

    [JsonIgnore]
    public override bool DependsOnTime => true;

    public override CriterionEvaluation Evaluate(LeadFacts facts)
    {
        var days = facts.DaysInStage;
        return Result(days >= Days, string.Create(CultureInfo.InvariantCulture, $"{Math.Floor(days)} days in stage, needs ≥ {Days}"));
    }
}

public sealed record OwnerAssignedCriterion : Criterion
{
    public override CriterionEvaluation Evaluate(LeadFacts facts) =>
        Result(facts.Lead.OwnerId is not null, facts.Lead.OwnerId is null ? "no owner" : "owner assigned");
}

public sealed record ChecklistConfirmedCriterion : Criterion
{
    public required ChecklistItem Item { get; init; }

    public override CriterionEvaluation Evaluate(LeadFacts facts)
    {
        var confirmed = facts.Lead.IsChecked(Item);
        return Result(confirmed, $"{Item} {(confirmed ? "confirmed" : "not confirmed")}");
    }
}
