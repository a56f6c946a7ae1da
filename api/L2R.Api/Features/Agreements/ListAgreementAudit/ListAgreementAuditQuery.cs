using L2R.Api.Features.Leads;
using L2R.Api.Infrastructure.Data;
using L2R.Domain.Agreements;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Agreements.ListAgreementAudit;

public sealed record ListAgreementAuditQuery(int Take = 100) : IQuery<IReadOnlyList<AgreementAuditDto>>;

public sealed record AgreementAuditDto(Guid Id, int Version, AgreementAuditAction Action, Guid? UserId, string UserName, DateTime At, string? Detail);

public sealed class ListAgreementAuditHandler(L2RDbContext db) : IQueryHandler<ListAgreementAuditQuery, IReadOnlyList<AgreementAuditDto>>
{
    public async ValueTask<IReadOnlyList<AgreementAuditDto>> Handle(ListAgreementAuditQuery query, CancellationToken ct)
    {
        var entries = await db.AgreementAudit.AsNoTracking().OrderByDescending(a => a.At).ThenBy(a => a.Id).Take(Math.Clamp(query.Take, 1, 500)).ToListAsync(ct);
        var names = await db.UserNamesAsync(entries.Select(e => e.UserId), ct);
        return entries.Select(e => new AgreementAuditDto(e.Id, e.Version, e.Action, e.UserId, e.UserId is { } id ? names.GetValueOrDefault(id, "former user") : "system", e.At, e.Detail)).ToList();
    }
}
