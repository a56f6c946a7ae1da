using L2R.Domain.Leads;
using L2R.Domain.Slas;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace L2R.Api.Infrastructure.Data.Configurations;

internal sealed class TenantCalendarConfiguration : IEntityTypeConfiguration<TenantCalendar>
{
    public void Configure(EntityTypeBuilder<TenantCalendar> builder)
    {
        builder.Property(c => c.TimeZone).HasMaxLength(100);
        builder.Property(c => c.Hours).AsJson();
        builder.Property(c => c.Holidays).AsJson();
        builder.HasIndex(c => c.TenantId).IsUnique();
    }
}

internal sealed class UserAvailabilityConfiguration : IEntityTypeConfiguration<UserAvailability>
{
    public void Configure(EntityTypeBuilder<UserAvailability> builder)
    {
        builder.Property(a => a.Hours).AsJson();
        builder.Property(a => a.OutOfOffice).AsJson();
        builder.HasOne<User>().WithMany().HasForeignKey(a => new { a.TenantId, a.UserId }).HasPrincipalKey(u => new { u.TenantId, u.Id }).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.TenantId, a.UserId }).IsUnique();
    }
}

internal sealed class SlaClockConfiguration : IEntityTypeConfiguration<SlaClock>
{
    public void Configure(EntityTypeBuilder<SlaClock> builder)
    {
        builder.Ignore(c => c.IsOpen);
        builder.Property(c => c.Term).AsJson();
        builder.Property(c => c.TermId).HasMaxLength(60);
        builder.Property(c => c.StopReason).HasMaxLength(60);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasOne<Lead>().WithMany().HasForeignKey(c => new { c.TenantId, c.LeadId }).HasPrincipalKey(l => new { l.TenantId, l.Id }).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Pauses).WithOne().HasForeignKey(p => new { p.TenantId, p.ClockId }).HasPrincipalKey(c => new { c.TenantId, c.Id }).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.TenantId, c.LeadId, c.Status });
        builder.HasIndex(c => new { c.TenantId, c.Status, c.DueAt });
    }
}

internal sealed class SlaClockPauseConfiguration : IEntityTypeConfiguration<SlaClockPause>
{
    public void Configure(EntityTypeBuilder<SlaClockPause> builder) => builder.HasIndex(p => new { p.TenantId, p.ClockId, p.PausedAt });
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.Message).HasMaxLength(500);
        builder.HasOne<User>().WithMany().HasForeignKey(n => new { n.TenantId, n.UserId }).HasPrincipalKey(u => new { u.TenantId, u.Id }).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Lead>().WithMany().HasForeignKey(n => new { n.TenantId, n.LeadId }).HasPrincipalKey(l => new { l.TenantId, l.Id }).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(n => new { n.TenantId, n.UserId, n.ReadAt, n.CreatedAt });
        builder.HasIndex(n => new { n.TenantId, n.ClockId, n.Kind, n.UserId }).IsUnique();
    }
}
