using L2R.Api.Infrastructure.Web;
using L2R.Domain.Leads;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Mvc;

namespace L2R.Api.Infrastructure.Auth;

/// <summary>
/// Part of every policy: a person needs one of <see cref="UserRoles"/> (when any are named), an API client needs the
/// scope its endpoint names with <see cref="RequiredScope"/>; an endpoint naming no scope is not for clients at all.
/// </summary>
public sealed record CallerRequirement(IReadOnlyList<Role> UserRoles) : IAuthorizationRequirement;

public sealed class CallerRequirementHandler : AuthorizationHandler<CallerRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, CallerRequirement requirement)
    {
        if (!L2RClaims.IsClient(context.User))
        {
            var roles = L2RClaims.RolesOf(context.User);
            if (requirement.UserRoles.Count == 0 || requirement.UserRoles.Any(role => roles.HasFlag(RoleSet.ToFlag(role))))
            {
                context.Succeed(requirement);
            }

            return Task.CompletedTask;
        }

        var scope = (context.Resource as HttpContext)?.GetEndpoint()?.Metadata.GetMetadata<RequiredScope>()?.Scope;
        if (scope is not null && L2RClaims.ScopesOf(context.User).Contains(scope))
        {
            context.Succeed(requirement);
        }
        else
        {
            context.Fail(new MissingScope(this, scope));
        }

        return Task.CompletedTask;
    }
}

/// <summary>Why a client was refused: the scope the endpoint needs, or none when no scope opens it to clients.</summary>
public sealed class MissingScope(IAuthorizationHandler handler, string? scope)
    : AuthorizationFailureReason(handler, scope is null ? "API clients cannot use this endpoint." : $"This API client lacks the scope {scope}.")
{
    public string? Scope { get; } = scope;
}

/// <summary>A client refused for a scope gets a 403 that names the scope (and RFC 6750's <c>insufficient_scope</c>), not a bare 403.</summary>
public sealed class ScopeAwareAuthorizationResultHandler(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Forbidden || authorizeResult.AuthorizationFailure?.FailureReasons.OfType<MissingScope>().FirstOrDefault() is not { } missing)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Response.Headers.WWWAuthenticate = missing.Scope is null
            ? "Bearer error=\"insufficient_scope\""
            : $"Bearer error=\"insufficient_scope\", scope=\"{missing.Scope}\"";
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status403Forbidden,
            Type = ProblemDetailsExceptionHandler.TypeBase + "insufficient-scope",
            Title = "Not allowed",
            Detail = missing.Message,
            Extensions = { ["requiredScope"] = missing.Scope },
        };
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
