using FluentValidation;
using L2R.Api.Features.Leads;
using L2R.Api.Infrastructure.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Audit.ListAudit;

public sealed record AuditEntryDto(Guid Id, DateTime At, Guid? UserId, string UserName, string Action, string Subject, string? Detail);

/// <summary>Bulk changes to the tenant's data (imports undone, leads merged), newest first.</summary>
public sealed record ListAuditQuery(int Take = 100) : IQuery<IReadOnlyList<AuditEntryDto>>;

public sealed class ListAuditValidator : AbstractValidator<ListAuditQuery>
{
    public ListAuditValidator() => RuleFor(q => q.Take).InclusiveBetween(1, 500);
}

public sealed class ListAuditHandler(L2RDbContext db) : IQueryHandler<ListAuditQuery, IReadOnlyList<AuditEntryDto>>
{
    public async ValueTask<IReadOnlyList<AuditEntryDto>> Handle(ListAuditQuery query, CancellationToken ct)
    {
        var entries = await db.Audit.AsNoTracking().OrderByDescending(a => a.At).Take(query.Take).ToListAsync(ct);
        var names = await db.UserNamesAsync(entries.Select(e => e.UserId), ct);
        return entries.Select(e => new AuditEntryDto(e.Id, e.At, e.UserId, e.UserId is { } id ? names.GetValueOrDefault(id, "former user") : "system", e.Action, e.Subject, e.Detail)).ToList();
    }
}
