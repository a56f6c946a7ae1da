using L2R.Api.Infrastructure.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Clients.ListClients;

public sealed record ListClientsQuery : IQuery<IReadOnlyList<ApiClientDto>>;

public sealed class ListClientsHandler(L2RDbContext db) : IQueryHandler<ListClientsQuery, IReadOnlyList<ApiClientDto>>
{
    public async ValueTask<IReadOnlyList<ApiClientDto>> Handle(ListClientsQuery query, CancellationToken ct) =>
        (await db.ApiClients.AsNoTracking().Include(c => c.Secrets).OrderBy(c => c.CreatedAt).ToListAsync(ct)).Select(ApiClientDto.From).ToList();
}
