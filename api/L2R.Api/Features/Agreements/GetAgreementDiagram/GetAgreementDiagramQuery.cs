using Mediator;

namespace L2R.Api.Features.Agreements.GetAgreementDiagram;

public sealed record GetAgreementDiagramQuery : IQuery<AgreementDiagramDto>;

/// <summary>The tenant's state machine as Stateless describes it, guards labelled with the agreement's own wording.</summary>
public sealed class GetAgreementDiagramHandler(AgreementStore agreements, TimeProvider clock) : IQueryHandler<GetAgreementDiagramQuery, AgreementDiagramDto>
{
    public async ValueTask<AgreementDiagramDto> Handle(GetAgreementDiagramQuery query, CancellationToken ct)
    {
        var active = await agreements.GetActiveAsync(ct);
        return AgreementDiagrams.Draw(active.Version, active.Agreement, clock);
    }
}
