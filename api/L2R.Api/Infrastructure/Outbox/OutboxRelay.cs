using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Tenancy;
using L2R.Api.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace L2R.Api.Infrastructure.Outbox;

/// <summary>
/// One pass of the relay, which <see cref="Scheduling.OutboxRelayJob"/> runs: for each tenant with work,
/// it gives new committed events their feed positions and a delivery per matching subscription, then sends the due
/// deliveries it manages to claim. It is safe on several instances at once: positions are unique per tenant (a relay
/// that loses the race rolls back and tries again next pass), and a delivery is claimed with a lease
/// (<c>UPDATE … WHERE ClaimedUntil &lt;= now</c>) before it is sent, so no two instances send the same attempt.
/// </summary>
public sealed class OutboxRelay(
    ITenantScopes tenantScopes, TimeProvider clock, IOptions<WebhookOptions> options, ILogger<OutboxRelay> logger)
{
    public const int BatchSize = 200;
    public const int ParallelSends = 8;

    /// <summary>Rounds of sending per pass: a lead's next event may go as soon as the one before it has been delivered.</summary>
    public const int MaxRounds = 10;
    public static readonly TimeSpan ClaimLease = WebhookOptions.Timeout * 4;

    private readonly Guid _instance = Guid.NewGuid();

    public async Task RunOnceAsync(CancellationToken ct)
    {
        foreach (var tenantId in await TenantsWithWorkAsync(ct))
        {
            await using var scope = tenantScopes.Open(tenantId);
            var db = scope.ServiceProvider.GetRequiredService<L2RDbContext>();
            await PositionAsync(db, ct);
            await DeliverAsync(db, scope.ServiceProvider.GetRequiredService<WebhookSender>(), ct);
        }
    }

    /// <summary>Removes events and deliveries older than the retention, and idempotency records past theirs.</summary>
    public async Task PurgeAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var cutoff = now.AddDays(-options.Value.EventRetentionDays);
        foreach (var tenantId in await tenantScopes.AllTenantIdsAsync(ct))
        {
            await using var scope = tenantScopes.Open(tenantId);
            var db = scope.ServiceProvider.GetRequiredService<L2RDbContext>();
            await db.OutboxEvents.Where(e => e.OccurredAt < cutoff && e.Position != null).ExecuteDeleteAsync(ct);
            await db.WebhookDeliveries.Where(d => d.CreatedAt < cutoff && d.Status != DeliveryStatus.Pending).ExecuteDeleteAsync(ct);
            await db.IdempotencyRecords.Where(r => r.ExpiresAt < now && (r.Status != null || r.LockedUntil < now)).ExecuteDeleteAsync(ct);
        }
    }

    /// <summary>
    /// The one query across tenants: which have unnumbered events or due deliveries. It reads only tenant ids, and each
    /// tenant's work then runs in a scope of its own (OutboxTests prove events of two tenants are relayed in one pass).
    /// </summary>
    private Task<List<Guid>> TenantsWithWorkAsync(CancellationToken ct) =>
        tenantScopes.ReadAcrossTenantsAsync(async db =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var events = await db.OutboxEvents.IgnoreQueryFilters([L2RDbContext.TenantFilter])
                .Where(e => e.Position == null).Select(e => e.TenantId).Distinct().ToListAsync(ct);
            var deliveries = await db.WebhookDeliveries.IgnoreQueryFilters([L2RDbContext.TenantFilter])
                .Where(d => d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now && d.ClaimedUntil <= now).Select(d => d.TenantId).Distinct().ToListAsync(ct);
            return events.Union(deliveries).ToList();
        });

    private async Task PositionAsync(L2RDbContext db, CancellationToken ct)
    {
        var pending = await db.OutboxEvents.Where(e => e.Position == null)
            .OrderBy(e => e.OccurredAt).ThenBy(e => e.LeadSequence).Take(BatchSize).ToListAsync(ct);
        if (pending.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var last = await db.OutboxEvents.MaxAsync(e => e.Position, ct) ?? 0;
        var subscriptions = await db.WebhookSubscriptions.AsNoTracking().Where(s => s.Enabled).ToListAsync(ct);
        foreach (var e in pending)
        {
            e.Position = ++last;
            e.PositionedAt = now;
            var payload = EventDto.From(e).ToJson();
            db.WebhookDeliveries.AddRange(subscriptions.Where(s => s.Wants(e.Type)).Select(s => WebhookDeliveries.For(s.Id, e, payload, now)));
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException exception) when (ProblemDetailsExceptionHandler.IsUniqueViolation(exception))
        {
            logger.LogInformation("Another relay numbered these events first; this pass leaves them to it");
            db.ChangeTracker.Clear();
        }
    }

    private async Task DeliverAsync(L2RDbContext db, WebhookSender sender, CancellationToken ct)
    {
        for (var round = 0; round < MaxRounds; round++)
        {
            if (await SendDueAsync(db, sender, ct) == 0)
            {
                return;
            }
        }
    }

    /// <summary>Claims and sends the due deliveries; returns how many it sent.</summary>
    private async Task<int> SendDueAsync(L2RDbContext db, WebhookSender sender, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;

        // A lead's deliveries go out in sequence order: one waits while an earlier one to the same subscription is pending.
        var due = await db.WebhookDeliveries
            .Where(d => d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now && d.ClaimedUntil <= now)
            .Where(d => d.LeadId == null || !db.WebhookDeliveries.Any(o =>
                o.SubscriptionId == d.SubscriptionId && o.LeadId == d.LeadId && o.Status == DeliveryStatus.Pending && o.LeadSequence < d.LeadSequence))
            .OrderBy(d => d.NextAttemptAt).Take(BatchSize).Select(d => d.Id).ToListAsync(ct);
        if (due.Count == 0)
        {
            return 0;
        }

        var claimedUntil = now + ClaimLease;
        await db.WebhookDeliveries
            .Where(d => due.Contains(d.Id) && d.Status == DeliveryStatus.Pending && d.ClaimedUntil <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimedUntil, claimedUntil).SetProperty(d => d.ClaimedBy, _instance), ct);
        var claimed = await db.WebhookDeliveries.Where(d => due.Contains(d.Id) && d.ClaimedBy == _instance && d.ClaimedUntil == claimedUntil).ToListAsync(ct);
        var subscriptions = await db.WebhookSubscriptions.Where(s => claimed.Select(d => d.SubscriptionId).Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);

        var results = new (WebhookDelivery Delivery, SendResult Result)[claimed.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, claimed.Count), new ParallelOptions { MaxDegreeOfParallelism = ParallelSends, CancellationToken = ct }, async (i, token) =>
            results[i] = (claimed[i], await sender.SendAsync(subscriptions[claimed[i].SubscriptionId], claimed[i], token)));

        var finished = clock.GetUtcNow().UtcDateTime;
        foreach (var (delivery, result) in results)
        {
            WebhookDeliveries.Record(db, delivery, subscriptions[delivery.SubscriptionId], result, finished, TimeSpan.FromDays(options.Value.DisableAfterFailingDays));
        }

        await db.SaveChangesAsync(ct);
        foreach (var gone in subscriptions.Values.Where(s => !s.Enabled))
        {
            await db.WebhookDeliveries.Where(d => d.SubscriptionId == gone.Id && d.Status == DeliveryStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeliveryStatus.Cancelled).SetProperty(d => d.CompletedAt, finished), ct);
        }

        return claimed.Count;
    }
}
