using L2R.Domain.Leads;
using L2R.Domain.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace L2R.Api.Infrastructure.Data.Configurations;

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.Property(t => t.Members).AsJson();
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasIndex(t => new { t.TenantId, t.Name }).IsUnique();
    }
}

internal sealed class LeadAssignmentConfiguration : IEntityTypeConfiguration<LeadAssignment>
{
    public void Configure(EntityTypeBuilder<LeadAssignment> builder)
    {
        builder.Property(a => a.Reason).HasMaxLength(2000);
        builder.HasOne<Lead>().WithMany().HasForeignKey(a => new { a.TenantId, a.LeadId }).HasPrincipalKey(l => new { l.TenantId, l.Id }).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.TenantId, a.LeadId, a.OccurredAt });

        // The rotation's counts and the fairness ledger read a period of one team's (or one person's) assignments.
        builder.HasIndex(a => new { a.TenantId, a.TeamId, a.OccurredAt });
        builder.HasIndex(a => new { a.TenantId, a.UserId, a.OccurredAt });
    }
}
