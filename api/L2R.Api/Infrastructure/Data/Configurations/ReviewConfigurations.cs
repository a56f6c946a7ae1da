using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace L2R.Api.Infrastructure.Data.Configurations;

internal sealed class ReviewSettingsConfiguration : IEntityTypeConfiguration<ReviewSettings>
{
    public void Configure(EntityTypeBuilder<ReviewSettings> builder)
    {
        builder.Ignore(s => s.Cadence);
        builder.Ignore(s => s.Thresholds);
        builder.Property(s => s.Participants).AsJson();
        builder.HasIndex(s => s.TenantId).IsUnique();
    }
}

internal sealed class ReviewConfiguration : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> builder)
    {
        builder.HasIndex(r => new { r.TenantId, r.StartsAt }).IsUnique();
    }
}

internal sealed class ReviewBriefConfiguration : IEntityTypeConfiguration<ReviewBrief>
{
    public void Configure(EntityTypeBuilder<ReviewBrief> builder)
    {
        builder.HasOne<Review>().WithMany().HasForeignKey(b => new { b.TenantId, b.ReviewId }).HasPrincipalKey(r => new { r.TenantId, r.Id }).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(b => new { b.TenantId, b.ReviewId, b.Version }).IsUnique();
    }
}

internal sealed class ReviewNoteConfiguration : IEntityTypeConfiguration<ReviewNote>
{
    public void Configure(EntityTypeBuilder<ReviewNote> builder)
    {
        builder.Property(n => n.Text).HasMaxLength(ReviewNote.MaxTextLength);
        builder.HasOne<Review>().WithMany().HasForeignKey(n => new { n.TenantId, n.ReviewId }).HasPrincipalKey(r => new { r.TenantId, r.Id }).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(n => new { n.TenantId, n.ReviewId, n.CreatedAt });
    }
}

internal sealed class ReviewDecisionConfiguration : IEntityTypeConfiguration<ReviewDecision>
{
    public void Configure(EntityTypeBuilder<ReviewDecision> builder)
    {
        builder.Property(d => d.Text).HasMaxLength(ReviewDecision.MaxTextLength);
        builder.Property(d => d.Change).AsJson();
        builder.HasOne<Review>().WithMany().HasForeignKey(d => new { d.TenantId, d.ReviewId }).HasPrincipalKey(r => new { r.TenantId, r.Id }).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.TenantId, d.ReviewId, d.Number }).IsUnique();
    }
}

internal sealed class ReviewActionConfiguration : IEntityTypeConfiguration<ReviewAction>
{
    public void Configure(EntityTypeBuilder<ReviewAction> builder)
    {
        builder.Property(a => a.Title).HasMaxLength(ReviewAction.MaxTitleLength);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasOne<Review>().WithMany().HasForeignKey(a => new { a.TenantId, a.ReviewId }).HasPrincipalKey(r => new { r.TenantId, r.Id }).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(a => new { a.TenantId, a.OwnerId }).HasPrincipalKey(u => new { u.TenantId, u.Id }).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.TenantId, a.ReviewId });
    }
}
