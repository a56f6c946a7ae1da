using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Web;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Agreements.GetActivation;

public sealed record GetActivationQuery(Guid ActivationId) : IQuery<AgreementActivationDto>;

public sealed class GetActivationHandler(L2RDbContext db) : IQueryHandler<GetActivationQuery, AgreementActivationDto>
{
    public async ValueTask<AgreementActivationDto> Handle(GetActivationQuery query, CancellationToken ct) =>
        AgreementActivationDto.From(await db.AgreementActivations.AsNoTracking().FirstOrDefaultAsync(a => a.Id == query.ActivationId, ct)
            ?? throw new NotFoundException("Activation", query.ActivationId));
}
