using System.Text.RegularExpressions;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Tenancy;
using L2R.Domain.Agreements;
using L2R.Domain.Leads;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Tenants.SignUp;

/// <summary>Creates a tenant, its first admin and its active lead agreement (version 1, the default template) in one transaction.</summary>
public sealed partial class SignUpHandler(ITenantScopes tenantScopes, IPasswordHasher<User> hasher, TimeProvider clock)
    : ICommandHandler<SignUpCommand, SignUpResultDto>
{
    public async ValueTask<SignUpResultDto> Handle(SignUpCommand command, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var slug = await FreeSlugAsync(command.Slug ?? Slugify(command.TenantName), ct);
        var newTenant = new Tenant { Name = command.TenantName.Trim(), Slug = slug, CreatedAt = now };
        await using var scope = tenantScopes.Open(newTenant.Id);
        var tenantDb = scope.ServiceProvider.GetRequiredService<L2RDbContext>();

        var email = command.AdminEmail.Trim();
        var admin = new User
        {
            Email = email,
            NormalizedEmail = email.ToLowerInvariant(),
            DisplayName = string.IsNullOrWhiteSpace(command.AdminName) ? email : command.AdminName.Trim(),
            Roles = Roles.Admin,
            CreatedAt = now,
        };
        admin.PasswordHash = hasher.HashPassword(admin, command.AdminPassword);

        return await tenantDb.InTransactionAsync(async () =>
        {
            tenantDb.Tenants.Add(newTenant);
            tenantDb.Users.Add(admin);
            tenantDb.AgreementVersions.Add(AgreementVersion.First(DefaultAgreement.Create(), admin.Id, now));
            await tenantDb.SaveChangesAsync(ct);
            return new SignUpResultDto(newTenant.Id, slug, admin.Id);
        }, ct);
    }

    /// <summary>Slugs are unique across tenants, so the one read here looks at every tenant's.</summary>
    private Task<string> FreeSlugAsync(string wanted, CancellationToken ct) =>
        tenantScopes.ReadAcrossTenantsAsync(async db =>
        {
            var slug = wanted;
            for (var n = 2; await db.Tenants.AnyAsync(t => t.Slug == slug, ct); n++)
            {
                slug = $"{wanted}-{n}";
            }

            return slug;
        });

    private static string Slugify(string name)
    {
        var slug = NonSlug().Replace(name.Trim().ToLowerInvariant(), "-").Trim('-');
        return slug.Length switch
        {
            0 => "tenant",
            > 50 => slug[..50].TrimEnd('-'),
            _ => slug,
        };
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonSlug();
}
