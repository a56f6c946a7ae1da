using System.Text.Json;
using L2R.Domain.Agreements;
using L2R.Domain.Leads;
using L2R.Domain.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace L2R.Api.Infrastructure.Data.Configurations;

internal sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    public void Configure(EntityTypeBuilder<Tenant> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.Property(t => t.Slug).HasMaxLength(60);
        builder.HasIndex(t => t.Slug).IsUnique();
    }
}

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.Property(u => u.Email).HasMaxLength(254);
        builder.Property(u => u.NormalizedEmail).HasMaxLength(254);
        builder.Property(u => u.DisplayName).HasMaxLength(200);
        builder.Property(u => u.PasswordHash).HasMaxLength(200);
        builder.Property(u => u.Roles).HasMaxLength(60);
        builder.Property(u => u.Version).IsConcurrencyToken();
        builder.HasIndex(u => new { u.TenantId, u.NormalizedEmail }).IsUnique();
    }
}

internal sealed class RefreshTokenConfiguration : IEntityTypeConfiguration<RefreshToken>
{
    public void Configure(EntityTypeBuilder<RefreshToken> builder)
    {
        builder.Property(t => t.TokenHash).HasMaxLength(100);
        builder.HasIndex(t => new { t.TenantId, t.TokenHash }).IsUnique();
        builder.HasIndex(t => new { t.TenantId, t.FamilyId });
        builder.HasIndex(t => new { t.TenantId, t.UserId });
    }
}

internal sealed class AgreementVersionConfiguration : IEntityTypeConfiguration<AgreementVersion>
{
    public void Configure(EntityTypeBuilder<AgreementVersion> builder)
    {
        builder.Ignore(v => v.Agreement);
        builder.Ignore(v => v.Issues);
        builder.Ignore(v => v.MissingApprovals);
        builder.Ignore(v => v.CanActivate);
        builder.Property(v => v.Revision).IsConcurrencyToken();
        builder.HasIndex(v => new { v.TenantId, v.Version }).IsUnique();
        builder.HasIndex(v => new { v.TenantId, v.Status });
    }
}

internal sealed class AgreementApprovalConfiguration : IEntityTypeConfiguration<AgreementApproval>
{
    public void Configure(EntityTypeBuilder<AgreementApproval> builder)
    {
        builder.HasOne<AgreementVersion>().WithMany(v => v.Approvals).HasForeignKey(a => new { a.TenantId, a.AgreementVersionId }).HasPrincipalKey(v => new { v.TenantId, v.Id }).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.TenantId, a.AgreementVersionId, a.Role, a.UserId }).IsUnique();
    }
}

internal sealed class AgreementAuditEntryConfiguration : IEntityTypeConfiguration<AgreementAuditEntry>
{
    public void Configure(EntityTypeBuilder<AgreementAuditEntry> builder)
    {
        builder.Property(a => a.Detail).HasMaxLength(AgreementAuditEntry.MaxDetailLength);
        builder.HasIndex(a => new { a.TenantId, a.At });
        builder.HasIndex(a => new { a.TenantId, a.AgreementVersionId });
    }
}

internal sealed class AgreementActivationConfiguration : IEntityTypeConfiguration<AgreementActivation>
{
    public void Configure(EntityTypeBuilder<AgreementActivation> builder)
    {
        builder.Property(a => a.Error).HasMaxLength(2000);
        builder.HasIndex(a => new { a.TenantId, a.Status });
    }
}

internal sealed class LeadConfiguration : IEntityTypeConfiguration<Lead>
{
    /// <summary>Asked of every tracked lead whenever changes are detected: no allocation (a batch holds thousands).</summary>
    private static bool SameFields(Dictionary<string, string> a, Dictionary<string, string> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        foreach (var (key, value) in a)
        {
            if (!b.TryGetValue(key, out var other) || other != value)
            {
                return false;
            }
        }

        return true;
    }

    public void Configure(EntityTypeBuilder<Lead> builder)
    {
        builder.Property(l => l.DisplayName).HasMaxLength(254);
        builder.Property(l => l.Version).IsConcurrencyToken();
        foreach (var text in new[] { nameof(Lead.FirstName), nameof(Lead.LastName), nameof(Lead.Title), nameof(Lead.Company), nameof(Lead.Industry), nameof(Lead.Country), nameof(Lead.Source), nameof(Lead.Campaign) })
        {
            builder.Property(text).HasMaxLength(200);
        }

        builder.Property(l => l.Email).HasMaxLength(254);
        builder.Property(l => l.NormalizedEmail).HasMaxLength(254);
        builder.Property(l => l.Phone).HasMaxLength(50);
        builder.Property(l => l.Website).HasMaxLength(500);
        builder.Property(l => l.CustomFields)
            .HasConversion(
                value => JsonSerializer.Serialize(value, (JsonSerializerOptions?)null),
                json => JsonSerializer.Deserialize<Dictionary<string, string>>(json, (JsonSerializerOptions?)null) ?? new Dictionary<string, string>(),
                new ValueComparer<Dictionary<string, string>>(
                    (a, b) => SameFields(a!, b!),
                    d => d.Aggregate(0, (hash, pair) => HashCode.Combine(hash, pair.Key, pair.Value)),
                    d => new Dictionary<string, string>(d)));

        builder.HasIndex(l => new { l.TenantId, l.NormalizedEmail }).IsUnique();
        builder.HasIndex(l => new { l.TenantId, l.State, l.TotalScore });
        builder.HasIndex(l => new { l.TenantId, l.AgreementVersion });
        builder.HasIndex(l => new { l.TenantId, l.OwnerId });
        builder.HasIndex(l => new { l.TenantId, l.Source });
        builder.HasIndex(l => new { l.TenantId, l.Campaign });

        // The leads list's default order and its other common sorts, for keyset pages at any depth.
        builder.HasIndex(l => new { l.TenantId, l.UpdatedAt, l.Id });
        builder.HasIndex(l => new { l.TenantId, l.CreatedAt, l.Id });
        builder.HasIndex(l => new { l.TenantId, l.DisplayName, l.Id });
        builder.HasIndex(l => new { l.TenantId, l.TeamId, l.QueuedAt });
    }
}

// Children reference their parent by (TenantId, Id), so the database itself refuses a row pointing into another tenant.
internal sealed class LeadActivityConfiguration : IEntityTypeConfiguration<LeadActivity>
{
    public void Configure(EntityTypeBuilder<LeadActivity> builder)
    {
        builder.Property(a => a.Campaign).HasMaxLength(200);
        builder.Property(a => a.Url).HasMaxLength(2000);
        builder.Property(a => a.Title).HasMaxLength(500);
        builder.HasOne<Lead>().WithMany().HasForeignKey(a => new { a.TenantId, a.LeadId }).HasPrincipalKey(l => new { l.TenantId, l.Id }).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.TenantId, a.LeadId, a.OccurredAt });
        builder.HasIndex(a => new { a.TenantId, a.ImportRunId });
    }
}

internal sealed class LeadTransitionConfiguration : IEntityTypeConfiguration<LeadTransition>
{
    public void Configure(EntityTypeBuilder<LeadTransition> builder)
    {
        builder.Property(t => t.ReasonCode).HasMaxLength(60);
        builder.Property(t => t.ReasonLabel).HasMaxLength(200);
        builder.Property(t => t.Note).HasMaxLength(2000);
        builder.Property(t => t.Criteria)
            .HasConversion(
                value => JsonSerializer.Serialize(value, AgreementJson.Options),
                json => JsonSerializer.Deserialize<List<CriterionEvaluation>>(json, AgreementJson.Options) ?? new List<CriterionEvaluation>(),
                new ValueComparer<List<CriterionEvaluation>>(
                    (a, b) => a!.SequenceEqual(b!),
                    list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item)),
                    list => list.ToList()));
        builder.HasOne<Lead>().WithMany().HasForeignKey(t => new { t.TenantId, t.LeadId }).HasPrincipalKey(l => new { l.TenantId, l.Id }).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => new { t.TenantId, t.LeadId, t.OccurredAt, t.Step });
        builder.HasIndex(t => new { t.TenantId, t.AgreementVersion });

        // Metrics: a cohort is found by its creation entries, and the drift check counts the recent Accept and Reject moves.
        builder.HasIndex(t => new { t.TenantId, t.Kind, t.OccurredAt });
        builder.HasIndex(t => new { t.TenantId, t.Trigger, t.OccurredAt });
        builder.HasIndex(t => new { t.TenantId, t.ImportRunId });
    }
}

/// <summary>The metrics' counting reads a cohort by its leads' creation and a period by when entries began; each save reads its leads' entries.</summary>
internal sealed class StageEntryConfiguration : IEntityTypeConfiguration<StageEntry>
{
    public void Configure(EntityTypeBuilder<StageEntry> builder)
    {
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.HasOne<Lead>().WithMany().HasForeignKey(e => new { e.TenantId, e.LeadId }).HasPrincipalKey(l => new { l.TenantId, l.Id }).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.TenantId, e.LeadId });
        builder.HasIndex(e => new { e.TenantId, e.LeadCreatedAt });
        builder.HasIndex(e => new { e.TenantId, e.EnteredAt });
    }
}

internal sealed class DriftAlertConfiguration : IEntityTypeConfiguration<DriftAlert>
{
    public void Configure(EntityTypeBuilder<DriftAlert> builder)
    {
        // One alert per episode: two checks racing over the same crossing cannot both insert it.
        builder.HasIndex(a => new { a.TenantId, a.AgreementVersion, a.Measure, a.Episode }).IsUnique();
        builder.HasIndex(a => new { a.TenantId, a.EndedAt });
    }
}

internal sealed class LeadChangeConfiguration : IEntityTypeConfiguration<LeadChange>
{
    public void Configure(EntityTypeBuilder<LeadChange> builder)
    {
        builder.Property(c => c.Field).HasMaxLength(100);
        builder.Property(c => c.OldValue).HasMaxLength(2000);
        builder.Property(c => c.NewValue).HasMaxLength(2000);
        builder.HasOne<Lead>().WithMany().HasForeignKey(c => new { c.TenantId, c.LeadId }).HasPrincipalKey(l => new { l.TenantId, l.Id }).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.TenantId, c.LeadId, c.ChangedAt });
        builder.HasIndex(c => new { c.TenantId, c.ImportRunId });
    }
}

internal sealed class BoardCounterConfiguration : IEntityTypeConfiguration<BoardCounter>
{
    public void Configure(EntityTypeBuilder<BoardCounter> builder) => builder.HasKey(c => new { c.TenantId, c.Stage });
}

internal sealed class BoardCountChangeConfiguration : IEntityTypeConfiguration<BoardCountChange>
{
    /// <summary>The board sums a tenant's changes by stage from this index alone.</summary>
    public void Configure(EntityTypeBuilder<BoardCountChange> builder) => builder.HasIndex(c => new { c.TenantId, c.Stage, c.Delta });
}
