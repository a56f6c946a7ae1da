using L2R.Api.Features.Tenants;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace L2R.Api.Features.Auth;

public static class AuthEndpoints
{
    public static void MapAuth(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/tenants", SignUp).WithTags("Tenants").WithName("SignUp").AllowAnonymous()
            .WithSummary("Sign up a new tenant with its first admin; it starts with the default lead agreement as version 1.");

        var auth = app.MapGroup("/api/auth").WithTags("Auth").AllowAnonymous();
        auth.MapPost("/login", async (LoginCommand command, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(command, ct)))
            .WithName("Login").WithSummary("Sign in with tenant slug, email and password.");
        auth.MapPost("/refresh", async (RefreshCommand command, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(command, ct)))
            .WithName("Refresh").WithSummary("Swap a refresh token for new tokens; a reused refresh token revokes its whole family.");
        auth.MapPost("/logout", Logout).WithName("Logout").WithSummary("Revoke the refresh token (and its family).");

        app.MapGet("/api/me", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetMeQuery(), ct)))
            .WithTags("Auth").WithName("GetMe").RequireAuthorization().WithSummary("The signed-in user, tenant and roles.");
    }

    private static async Task<Created<SignUpResultDto>> SignUp(SignUpRequest request, IMediator mediator, CancellationToken ct)
    {
        var result = await mediator.Send(new SignUpCommand(request.TenantName, request.AdminEmail, request.AdminPassword, request.AdminName), ct);
        return TypedResults.Created("/api/me", result);
    }

    private static async Task<NoContent> Logout(LogoutCommand command, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(command, ct);
        return TypedResults.NoContent();
    }
}

public sealed record SignUpRequest(string TenantName, string AdminEmail, string AdminPassword, string? AdminName);
