using L2R.Api.Infrastructure.Data;
using Mediator;

namespace L2R.Api.Features.Clients.GetClient;

public sealed record GetClientQuery(Guid ClientId) : IQuery<ApiClientDto>;

public sealed class GetClientHandler(L2RDbContext db) : IQueryHandler<GetClientQuery, ApiClientDto>
{
    public async ValueTask<ApiClientDto> Handle(GetClientQuery query, CancellationToken ct) => ApiClientDto.From(await db.FindClientAsync(query.ClientId, ct));
}
