using FluentValidation;
using Mediator;

namespace L2R.Api.Features.Leads.MergeLeads;

public enum MergeSide
{
    Survivor,
    Absorbed,
}

/// <summary>
/// The lead to absorb into this one, and for any field the two hold differently which value survives (a profile
/// field such as <c>title</c>, or <c>custom.&lt;name&gt;</c>). A field left out keeps the survivor's value, or takes the
/// absorbed lead's where the survivor has none.
/// </summary>
public sealed record MergeLeadsRequest(Guid AbsorbedLeadId, IReadOnlyDictionary<string, MergeSide>? Fields, string? Note);

public sealed record MergeLeadsCommand(Guid SurvivorId, int? ExpectedVersion, MergeLeadsRequest Request) : ICommand<LeadMovesDto>;

public sealed class MergeLeadsValidator : AbstractValidator<MergeLeadsCommand>
{
    public MergeLeadsValidator()
    {
        RuleFor(c => c.Request).NotNull();
        RuleFor(c => c.Request.AbsorbedLeadId).NotEmpty().NotEqual(c => c.SurvivorId).OverridePropertyName("absorbedLeadId")
            .WithMessage("Name another lead to absorb.");
        RuleForEach(c => c.Request.Fields).Must(f => Imports.LeadImportFields.IsTarget(f.Key) && Enum.IsDefined(f.Value))
            .OverridePropertyName("fields").WithMessage(f => "Fields are lead profile fields or custom.<name>, each Survivor or Absorbed.")
            .When(c => c.Request?.Fields is not null);
        RuleFor(c => c.Request.Note).MaximumLength(2000).OverridePropertyName("note");
    }
}
