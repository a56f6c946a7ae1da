using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace L2R.Api.Infrastructure.Data.Configurations;

internal sealed class ApiClientConfiguration : IEntityTypeConfiguration<ApiClient>
{
    public void Configure(EntityTypeBuilder<ApiClient> builder)
    {
        builder.Ignore(c => c.IsActive);
        builder.Ignore(c => c.ScopeList);
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.Property(c => c.Scopes).HasMaxLength(500);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => new { c.TenantId, c.CreatedAt });
    }
}

internal sealed class ApiClientSecretConfiguration : IEntityTypeConfiguration<ApiClientSecret>
{
    public void Configure(EntityTypeBuilder<ApiClientSecret> builder)
    {
        builder.Property(s => s.SecretHash).HasMaxLength(100);
        builder.Property(s => s.Hint).HasMaxLength(10);
        builder.HasOne<ApiClient>().WithMany(c => c.Secrets).HasForeignKey(s => new { s.TenantId, s.ApiClientId }).HasPrincipalKey(c => new { c.TenantId, c.Id }).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.TenantId, s.ApiClientId });
    }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.Property(r => r.Caller).HasMaxLength(40);
        builder.Property(r => r.Key).HasMaxLength(IdempotencyLimits.MaxKeyLength);
        builder.Property(r => r.RequestHash).HasMaxLength(64);
        builder.Property(r => r.ContentType).HasMaxLength(100);
        builder.Property(r => r.Location).HasMaxLength(500);
        builder.Property(r => r.ETag).HasMaxLength(40);
        builder.HasIndex(r => new { r.TenantId, r.Caller, r.Key }).IsUnique();
        builder.HasIndex(r => new { r.TenantId, r.ExpiresAt });
    }
}

internal sealed class OutboxEventConfiguration : IEntityTypeConfiguration<OutboxEvent>
{
    public void Configure(EntityTypeBuilder<OutboxEvent> builder)
    {
        builder.Property(e => e.Type).HasMaxLength(60);
        builder.HasIndex(e => new { e.TenantId, e.Position }).IsUnique();
        builder.HasIndex(e => new { e.TenantId, e.LeadId, e.LeadSequence }).IsUnique();
        builder.HasIndex(e => new { e.TenantId, e.OccurredAt });
    }
}

internal sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> builder)
    {
        builder.Ignore(s => s.EventTypeList);
        builder.Property(s => s.Url).HasMaxLength(2000);
        builder.Property(s => s.EventTypes).HasMaxLength(1000);
        builder.Property(s => s.Secret).HasMaxLength(100);
        builder.Property(s => s.PreviousSecret).HasMaxLength(100);
        builder.Property(s => s.DisabledReason).HasMaxLength(500);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasIndex(s => new { s.TenantId, s.CreatedAt });
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.Property(d => d.EventType).HasMaxLength(60);
        builder.Property(d => d.LastError).HasMaxLength(500);
        builder.HasOne<WebhookSubscription>().WithMany().HasForeignKey(d => new { d.TenantId, d.SubscriptionId }).HasPrincipalKey(s => new { s.TenantId, s.Id }).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.TenantId, d.Status, d.NextAttemptAt });
        builder.HasIndex(d => new { d.TenantId, d.SubscriptionId, d.CreatedAt });
        builder.HasIndex(d => new { d.TenantId, d.SubscriptionId, d.LeadId, d.LeadSequence });
    }
}

internal sealed class WebhookAttemptConfiguration : IEntityTypeConfiguration<WebhookAttempt>
{
    public void Configure(EntityTypeBuilder<WebhookAttempt> builder)
    {
        builder.Property(a => a.Error).HasMaxLength(500);
        builder.Property(a => a.ResponseSnippet).HasMaxLength(WebhookLimits.ResponseSnippetLength);
        builder.HasOne<WebhookDelivery>().WithMany(d => d.AttemptLog).HasForeignKey(a => new { a.TenantId, a.DeliveryId }).HasPrincipalKey(d => new { d.TenantId, d.Id }).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.TenantId, a.DeliveryId, a.AttemptedAt });
    }
}
