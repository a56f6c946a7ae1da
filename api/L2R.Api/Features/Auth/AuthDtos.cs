using L2R.Domain.Leads;

namespace L2R.Api.Features.Auth;

public sealed record MeDto(Guid Id, Guid TenantId, string TenantSlug, string TenantName, string Email, string DisplayName, IReadOnlyList<Role> Roles);

public sealed record TokenResponse(string AccessToken, DateTime AccessTokenExpiresAt, string RefreshToken, DateTime RefreshTokenExpiresAt, MeDto User);
