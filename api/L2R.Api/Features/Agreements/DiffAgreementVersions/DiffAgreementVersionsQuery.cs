using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Web;
using L2R.Domain.Agreements;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Agreements.DiffAgreementVersions;

public sealed record DiffAgreementVersionsQuery(int From, int To) : IQuery<AgreementDiffDto>;

public sealed record AgreementDiffDto(int From, int To, IReadOnlyList<AgreementChange> Changes);

public sealed class DiffAgreementVersionsHandler(L2RDbContext db) : IQueryHandler<DiffAgreementVersionsQuery, AgreementDiffDto>
{
    public async ValueTask<AgreementDiffDto> Handle(DiffAgreementVersionsQuery query, CancellationToken ct)
    {
        var rows = await db.AgreementVersions.AsNoTracking()
            .Where(v => v.Version == query.From || v.Version == query.To)
            .ToDictionaryAsync(v => v.Version, v => v.Content, ct);
        var from = rows.GetValueOrDefault(query.From) ?? throw new NotFoundException("Agreement version", query.From);
        var to = rows.GetValueOrDefault(query.To) ?? throw new NotFoundException("Agreement version", query.To);
        return new AgreementDiffDto(query.From, query.To, AgreementDiff.Compare(AgreementJson.Deserialize(from), AgreementJson.Deserialize(to)));
    }
}
