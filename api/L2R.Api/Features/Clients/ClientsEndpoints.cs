using L2R.Api.Features.Clients.CreateClient;
using L2R.Api.Features.Clients.EndClientSecret;
using L2R.Api.Features.Clients.GetClient;
using L2R.Api.Features.Clients.ListClients;
using L2R.Api.Features.Clients.RevokeClient;
using L2R.Api.Features.Clients.RotateClientSecret;
using L2R.Api.Features.Users;
using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace L2R.Api.Features.Clients;

public static class ClientsEndpoints
{
    public static void MapClients(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/clients").WithTags("Clients").RequireAuthorization(UsersEndpoints.AdminPolicy);
        group.MapGet("/", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListClientsQuery(), ct)))
            .WithName("ListClients").WithSummary("API clients of the tenant with their scopes, secrets (by hint) and when each last got a token (Admin).");
        group.MapPost("/", CreateClient).WithName("CreateClient").Idempotent()
            .WithRequestExample(new { name = "Website forms", scopes = new[] { ApiScopes.LeadsWrite, ApiScopes.ActivitiesWrite, ApiScopes.LeadsRead } })
            .WithSummary("Create an API client; the answer shows its client id and secret, the secret only this once (Admin).");
        group.MapGet("/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetClientQuery(id), ct)))
            .WithName("GetClient").WithSummary("One API client (Admin).");
        group.MapDelete("/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new RevokeClientCommand(id), ct)))
            .WithName("RevokeClient").WithSummary("Revoke an API client: its secrets end and its tokens are refused from their next request (Admin).");
        group.MapPost("/{id:guid}/secrets", RotateSecret).WithName("RotateClientSecret").Idempotent()
            .WithSummary("Issue a second secret, shown once; the old one keeps working until it is ended (Admin). 409 when two are active.");
        group.MapDelete("/{id:guid}/secrets/{secretId:guid}", async (Guid id, Guid secretId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new EndClientSecretCommand(id, secretId), ct)))
            .WithName("EndClientSecret").WithSummary("End one secret (the end of a rotation's overlap); tokens issued with it are refused from their next request (Admin).");
    }

    private static async Task<CreatedAtRoute<IssuedClientSecretDto>> CreateClient(CreateClientCommand command, IMediator mediator, CancellationToken ct)
    {
        var issued = await mediator.Send(command, ct);
        return TypedResults.CreatedAtRoute(issued, "GetClient", new { id = issued.Client.Id });
    }

    private static async Task<CreatedAtRoute<IssuedClientSecretDto>> RotateSecret(Guid id, IMediator mediator, CancellationToken ct)
    {
        var issued = await mediator.Send(new RotateClientSecretCommand(id), ct);
        return TypedResults.CreatedAtRoute(issued, "GetClient", new { id });
    }
}
