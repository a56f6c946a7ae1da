using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace L2R.Api.Infrastructure.Data.Configurations;

internal sealed class ImportRunConfiguration : IEntityTypeConfiguration<ImportRun>
{
    public void Configure(EntityTypeBuilder<ImportRun> builder)
    {
        builder.Property(r => r.FileName).HasMaxLength(260);
        builder.Property(r => r.Separator).HasMaxLength(1);
        builder.Property(r => r.TemplateName).HasMaxLength(100);
        builder.Property(r => r.ClaimedBy).HasMaxLength(200);
        builder.Property(r => r.Error).HasMaxLength(2000);
        builder.Property(r => r.Header).AsJson();
        builder.Property(r => r.Samples).AsJson();
        builder.Property(r => r.Mapping).AsJson();
        builder.Property(r => r.DryRunCounts).AsJson();
        builder.Property(r => r.Counts).AsJson();
        builder.Property(r => r.UndoReport).AsJson();
        builder.HasIndex(r => new { r.TenantId, r.CreatedAt });
        builder.HasIndex(r => new { r.TenantId, r.Status });
    }
}

internal sealed class ImportFileChunkConfiguration : IEntityTypeConfiguration<ImportFileChunk>
{
    public void Configure(EntityTypeBuilder<ImportFileChunk> builder)
    {
        builder.HasOne<ImportRun>().WithMany().HasForeignKey(c => new { c.TenantId, c.ImportRunId }).HasPrincipalKey(r => new { r.TenantId, r.Id }).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.TenantId, c.ImportRunId, c.Index }).IsUnique();
    }
}

internal sealed class ImportRowErrorConfiguration : IEntityTypeConfiguration<ImportRowError>
{
    public void Configure(EntityTypeBuilder<ImportRowError> builder)
    {
        builder.Property(e => e.Column).HasMaxLength(200);
        builder.Property(e => e.Message).HasMaxLength(1000);
        builder.HasOne<ImportRun>().WithMany().HasForeignKey(e => new { e.TenantId, e.ImportRunId }).HasPrincipalKey(r => new { r.TenantId, r.Id }).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.TenantId, e.ImportRunId, e.Line });
    }
}

internal sealed class ImportTemplateConfiguration : IEntityTypeConfiguration<ImportTemplate>
{
    public void Configure(EntityTypeBuilder<ImportTemplate> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.Property(t => t.Mapping).AsJson();
        builder.HasIndex(t => new { t.TenantId, t.Kind, t.Name }).IsUnique();
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.Action).HasMaxLength(60);
        builder.Property(a => a.Subject).HasMaxLength(200);
        builder.Property(a => a.Detail).HasMaxLength(2000);
        builder.HasIndex(a => new { a.TenantId, a.At });
    }
}

internal sealed class MergedLeadConfiguration : IEntityTypeConfiguration<MergedLead>
{
    public void Configure(EntityTypeBuilder<MergedLead> builder)
    {
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.HasIndex(m => new { m.TenantId, m.SurvivorId });
    }
}
