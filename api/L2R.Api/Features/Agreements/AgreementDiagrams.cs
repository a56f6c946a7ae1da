using L2R.Domain.Agreements;
using L2R.Domain.Leads;

namespace L2R.Api.Features.Agreements;

public sealed record AgreementDiagramDto(int Version, string Mermaid);

public static class AgreementDiagrams
{
    public static AgreementDiagramDto Draw(int version, LeadAgreement agreement, TimeProvider clock) =>
        new(version, new LeadWorkflow(agreement, new LeadFacts(new Lead(), [], clock.GetUtcNow().UtcDateTime), Actor.System).ToMermaid());
}
