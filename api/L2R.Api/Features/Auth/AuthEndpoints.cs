using L2R.Api.Features.Auth.GetMe;
using L2R.Api.Features.Auth.Login;
using L2R.Api.Features.Auth.Logout;
using L2R.Api.Features.Auth.Refresh;
using L2R.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace L2R.Api.Features.Auth;

public static class AuthEndpoints
{
    public static void MapAuth(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Auth").AllowAnonymous().RequireRateLimiting(RateLimits.AnonymousPolicy);
        auth.MapPost("/login", async (LoginCommand command, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(command, ct)))
            .WithName("Login").WithSummary("Sign in with tenant slug, email and password.");
        auth.MapPost("/refresh", async (RefreshCommand command, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(command, ct)))
            .WithName("Refresh").WithSummary("Swap a refresh token for new tokens; a reused refresh token revokes its whole family.");
        auth.MapPost("/logout", Logout).WithName("Logout").WithSummary("Revoke the refresh token (and its family).");

        app.MapGet("/api/me", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetMeQuery(), ct)))
            .WithTags("Auth").WithName("GetMe").RequireAuthorization().WithSummary("The signed-in user, tenant and roles.");
    }

    private static async Task<NoContent> Logout(LogoutCommand command, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(command, ct);
        return TypedResults.NoContent();
    }
}
