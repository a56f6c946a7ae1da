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
