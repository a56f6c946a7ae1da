using Mediator;

namespace L2R.Api.Features.Tenants.SignUp;

public sealed record SignUpRequest(string TenantName, string AdminEmail, string AdminPassword, string? AdminName);

public sealed record SignUpCommand(string TenantName, string AdminEmail, string AdminPassword, string? AdminName, string? Slug = null) : ICommand<SignUpResultDto>;

public sealed record SignUpResultDto(Guid TenantId, string Slug, Guid AdminUserId);
