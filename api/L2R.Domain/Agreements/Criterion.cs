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

    /// <summary>
    /// <see cref="Evaluate"/>'s verdict without describing the actual value: what scoring and guards ask of every lead
    /// in a batch, where the description is seldom kept. Each kind decides both from one predicate.
    /// </summary>
    public abstract bool Holds(LeadFacts facts);

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
    public override bool Holds(LeadFacts facts) => Passes(LeadFields.ReadText(facts, Field));

    public override CriterionEvaluation Evaluate(LeadFacts facts)
    {
        var value = LeadFields.ReadText(facts, Field);
        return Result(Passes(value), $"{Label} is {Show(value)}");
    }

    private static bool Passes(string? value) => !string.IsNullOrWhiteSpace(value);
}

public sealed record FieldEqualsCriterion : FieldCriterion
{
    public required string Value { get; init; }

    public override bool Holds(LeadFacts facts) => Passes(LeadFields.ReadText(facts, Field));

    public override CriterionEvaluation Evaluate(LeadFacts facts)
    {
        var value = LeadFields.ReadText(facts, Field);
        return Result(Passes(value), $"{Label} is {Show(value)}, needs \"{Value}\"");
    }

    private bool Passes(string? value) => string.Equals(value?.Trim(), Value.Trim(), StringComparison.OrdinalIgnoreCase);
}

public sealed record FieldInCriterion : FieldCriterion
{
    public required IReadOnlyList<string> Values { get; init; }

    public override bool Holds(LeadFacts facts) => Passes(LeadFields.ReadText(facts, Field)?.Trim());

    public override CriterionEvaluation Evaluate(LeadFacts facts)
    {
        var value = LeadFields.ReadText(facts, Field)?.Trim();
        return Result(Passes(value), $"{Label} is {Show(value)}, needs one of {string.Join(", ", Values)}");
    }

    private bool Passes(string? trimmed)
    {
        if (trimmed is null)
        {
            return false;
        }

        foreach (var v in Values)
        {
            if (string.Equals(v.Trim(), trimmed, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}

public sealed record FieldContainsCriterion : FieldCriterion
{
    public required string Value { get; init; }

    public override bool Holds(LeadFacts facts) => Passes(LeadFields.ReadText(facts, Field));

    public override CriterionEvaluation Evaluate(LeadFacts facts)
    {
        var value = LeadFields.ReadText(facts, Field);
        return Result(Passes(value), $"{Label} is {Show(value)}, needs to contain \"{Value}\"");
    }

    private bool Passes(string? value) => value is not null && value.Contains(Value, StringComparison.OrdinalIgnoreCase);
}

public sealed record NumberAtLeastCriterion : FieldCriterion
{
    public required decimal Value { get; init; }

    [JsonIgnore]
    public override bool DependsOnTime => Field.Equals("daysInStage", StringComparison.OrdinalIgnoreCase);

    public override bool Holds(LeadFacts facts) => LeadFields.ReadNumber(facts, Field) >= Value;

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

    public override bool Holds(LeadFacts facts) => LeadFields.ReadNumber(facts, Field) <= Value;

    public override CriterionEvaluation Evaluate(LeadFacts facts)
    {
        var value = LeadFields.ReadNumber(facts, Field);
        return Result(value <= Value, $"{Label} {(value is { } v ? Show(v) : "empty")}, needs ≤ {Show(Value)}");
    }
}

public sealed record ValidEmailCriterion : Criterion
{
    public override bool Holds(LeadFacts facts) => IsValidEmail(facts.Lead.Email);

    public override CriterionEvaluation Evaluate(LeadFacts facts)
    {
        var email = facts.Lead.Email;
        return Result(Holds(facts), $"Email is {Show(email)}");
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

    public override bool Holds(LeadFacts facts) => ActualOf(facts) >= Value;

    public override CriterionEvaluation Evaluate(LeadFacts facts)
    {
        var actual = ActualOf(facts);
        return Result(actual >= Value, string.Create(CultureInfo.InvariantCulture, $"{Score.ToString().ToLowerInvariant()} score {actual}, needs ≥ {Value}"));
    }

    private int ActualOf(LeadFacts facts) => Score switch
    {
        ScoreKind.Fit => facts.Lead.FitScore,
        ScoreKind.Engagement => facts.Lead.EngagementScore,
        _ => facts.Lead.TotalScore,
    };
}

public sealed record ActivityCountCriterion : Criterion
{
    /// <summary>Null counts every activity type.</summary>
    public ActivityType? ActivityType { get; init; }
    public required int AtLeast { get; init; }
    public required int WithinDays { get; init; }

    [JsonIgnore]
    public override bool DependsOnTime => true;

    public override bool Holds(LeadFacts facts) => CountIn(facts) >= AtLeast;

    public override CriterionEvaluation Evaluate(LeadFacts facts)
    {
        var count = CountIn(facts);
        var what = ActivityType?.ToString() ?? "activities";
        return Result(count >= AtLeast, string.Create(CultureInfo.InvariantCulture, $"{count} × {what} in the last {WithinDays} days, needs ≥ {AtLeast}"));
    }

    private int CountIn(LeadFacts facts)
    {
        var since = facts.Now.AddDays(-WithinDays);
        var count = 0;
        foreach (var a in facts.Activities)
        {
            if (a.OccurredAt >= since && a.OccurredAt <= facts.Now && (ActivityType is null || a.Type == ActivityType))
            {
                count++;
            }
        }

        return count;
    }
}

public sealed record TimeInStageCriterion : Criterion
{
    public required int Days { get; init; }

    [JsonIgnore]
    public override bool DependsOnTime => true;

    public override bool Holds(LeadFacts facts) => facts.DaysInStage >= Days;

    public override CriterionEvaluation Evaluate(LeadFacts facts)
    {
        var days = facts.DaysInStage;
        return Result(Holds(facts), string.Create(CultureInfo.InvariantCulture, $"{Math.Floor(days)} days in stage, needs ≥ {Days}"));
    }
}

public sealed record OwnerAssignedCriterion : Criterion
{
    public override bool Holds(LeadFacts facts) => facts.Lead.OwnerId is not null;

    public override CriterionEvaluation Evaluate(LeadFacts facts)
    {
        var assigned = Holds(facts);
        return Result(assigned, assigned ? "owner assigned" : "no owner");
    }
}

public sealed record ChecklistConfirmedCriterion : Criterion
{
    public required ChecklistItem Item { get; init; }

    public override bool Holds(LeadFacts facts) => facts.Lead.IsChecked(Item);

    public override CriterionEvaluation Evaluate(LeadFacts facts)
    {
        var confirmed = Holds(facts);
        return Result(confirmed, $"{Item} {(confirmed ? "confirmed" : "not confirmed")}");
    }
}
