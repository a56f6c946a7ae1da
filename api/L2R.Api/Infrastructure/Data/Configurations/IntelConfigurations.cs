using L2R.Domain.Intel;
using L2R.Domain.Leads;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace L2R.Api.Infrastructure.Data.Configurations;

internal sealed class IntelTagConfiguration : IEntityTypeConfiguration<IntelTag>
{
    public void Configure(EntityTypeBuilder<IntelTag> builder)
    {
        builder.Property(t => t.Label).HasMaxLength(IntelCapture.MaxLabelLength);
        builder.Property(t => t.NormalizedLabel).HasMaxLength(IntelCapture.MaxLabelLength);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasIndex(t => new { t.TenantId, t.Kind, t.NormalizedLabel }).IsUnique();
    }
}

internal sealed class LeadIntelConfiguration : IEntityTypeConfiguration<LeadIntel>
{
    public void Configure(EntityTypeBuilder<LeadIntel> builder)
    {
        builder.Property(i => i.Campaign).HasMaxLength(200);
        builder.Property(i => i.Note).HasMaxLength(IntelCapture.MaxNoteLength);
        builder.HasOne<Lead>().WithMany().HasForeignKey(i => new { i.TenantId, i.LeadId }).HasPrincipalKey(l => new { l.TenantId, l.Id }).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.Tags).WithOne().HasForeignKey(t => new { t.TenantId, t.LeadIntelId }).HasPrincipalKey(i => new { i.TenantId, i.Id }).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => new { i.TenantId, i.LeadId, i.RecordedAt });
        builder.HasIndex(i => new { i.TenantId, i.RecordedAt });
    }
}

/// <summary>The lead is reached through its intel record (one cascade path, as SQL Server wants); a tag with mentions cannot be deleted, only retired or merged.</summary>
internal sealed class LeadIntelTagConfiguration : IEntityTypeConfiguration<LeadIntelTag>
{
    public void Configure(EntityTypeBuilder<LeadIntelTag> builder)
    {
        builder.HasOne<IntelTag>().WithMany().HasForeignKey(t => new { t.TenantId, t.TagId }).HasPrincipalKey(t => new { t.TenantId, t.Id }).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => new { t.TenantId, t.LeadIntelId, t.TagId }).IsUnique();
        builder.HasIndex(t => new { t.TenantId, t.Kind, t.RecordedAt });
        builder.HasIndex(t => new { t.TenantId, t.TagId, t.RecordedAt });
    }
}
