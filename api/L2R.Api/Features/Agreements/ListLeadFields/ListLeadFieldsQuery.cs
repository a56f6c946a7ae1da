using L2R.Domain.Leads;
using Mediator;

namespace L2R.Api.Features.Agreements.ListLeadFields;

/// <summary>The lead fields a criterion or fit rule may test; per-tenant custom fields are addressed as <c>custom.&lt;name&gt;</c>.</summary>
public sealed record ListLeadFieldsQuery : IQuery<IReadOnlyList<LeadFieldDto>>;

public sealed record LeadFieldDto(string Name, string Label, FieldKind Kind);

public sealed class ListLeadFieldsHandler : IQueryHandler<ListLeadFieldsQuery, IReadOnlyList<LeadFieldDto>>
{
    private static readonly IReadOnlyList<LeadFieldDto> Fields = LeadFields.All.Select(f => new LeadFieldDto(f.Name, f.Label, f.Kind)).ToList();

    public ValueTask<IReadOnlyList<LeadFieldDto>> Handle(ListLeadFieldsQuery query, CancellationToken ct) => ValueTask.FromResult(Fields);
}
