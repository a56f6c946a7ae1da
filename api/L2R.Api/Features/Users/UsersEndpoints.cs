using L2R.Api.Features.Users.CreateUser;
using L2R.Api.Features.Users.DeactivateUser;
using L2R.Api.Features.Users.GetUser;
using L2R.Api.Features.Users.ListUsers;
using L2R.Api.Features.Users.SetUserRoles;
using L2R.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace L2R.Api.Features.Users;

public static class UsersEndpoints
{
    public const string AdminPolicy = "Admin";

    public static void MapUsers(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/users").WithTags("Users").RequireAuthorization(AdminPolicy);
        group.MapGet("/", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListUsersQuery(), ct)))
            .WithName("ListUsers").WithSummary("Users of the tenant (Admin).");
        group.MapPost("/", CreateUser).WithName("CreateUser").Idempotent().WithSummary("Create a user with roles (Admin).");
        group.MapGet("/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetUserQuery(id), ct)))
            .WithName("GetUser").WithSummary("One user of the tenant (Admin).");
        group.MapPut("/{id:guid}/roles", async (Guid id, SetUserRolesRequest request, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new SetUserRolesCommand(id, request.Roles), ct)))
            .WithName("SetUserRoles").WithSummary("Replace a user's roles (Admin).");
        group.MapPost("/{id:guid}/deactivate", async (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new DeactivateUserCommand(id), ct)))
            .WithName("DeactivateUser").WithSummary("Deactivate a user and revoke their sessions (Admin).");
    }

    private static async Task<CreatedAtRoute<UserDto>> CreateUser(CreateUserCommand command, IMediator mediator, CancellationToken ct)
    {
        var user = await mediator.Send(command, ct);
        return TypedResults.CreatedAtRoute(user, "GetUser", new { id = user.Id });
    }
}
