using L2R.Api.Features.Tenants.SignUp;
using L2R.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace L2R.Api.Features.Tenants;

public static class TenantsEndpoints
{
    public static void MapTenants(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/tenants", SignUp).WithTags("Tenants").WithName("SignUp").AllowAnonymous().RequireRateLimiting(RateLimits.AnonymousPolicy)
            .WithSummary("Sign up a new tenant with its first admin; it starts with the default lead agreement as version 1.");
    }

    private static async Task<Created<SignUpResultDto>> SignUp(SignUpRequest request, IMediator mediator, CancellationToken ct)
    {
        var result = await mediator.Send(new SignUpCommand(request.TenantName, request.AdminEmail, request.AdminPassword, request.AdminName), ct);
        return TypedResults.Created("/api/me", result);
    }
}
