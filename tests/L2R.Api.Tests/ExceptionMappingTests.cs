using System.Text.Json.Nodes;
using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Web;
using L2R.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace L2R.Api.Tests;

/// <summary>
/// Refusals no endpoint can provoke today, run through the one exception handler: a handler asking for the user
/// where there is none is a 401, while the BCL's UnauthorizedAccessException (a file it may not read) stays a 500.
/// </summary>
public sealed class ExceptionMappingTests(SqliteApiFactory factory) : IClassFixture<SqliteApiFactory>
{
    [Fact]
    public async Task RequiredUserId_WithoutAUser_Is401_WithTheUnauthorizedType()
    {
        ICurrentUser nobody = new CurrentUser(new HttpContextAccessor());

        var (status, problem) = await HandleAsync(Record.Exception(() => nobody.RequiredUserId)!);

        Assert.Equal(StatusCodes.Status401Unauthorized, status);
        Assert.Equal(ProblemDetailsExceptionHandler.TypeBase + "unauthorized", problem["type"]!.GetValue<string>());
        Assert.Equal("Sign in first.", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task AFileAccessRefusal_StaysA500_WithoutItsMessage()
    {
        var (status, problem) = await HandleAsync(new UnauthorizedAccessException("Access to the path '/srv/l2r/.data/signing.key' is denied."));

        Assert.Equal(StatusCodes.Status500InternalServerError, status);
        Assert.Equal(ProblemDetailsExceptionHandler.TypeBase + "internal", problem["type"]!.GetValue<string>());
        Assert.DoesNotContain("signing.key", problem.ToJsonString(), StringComparison.Ordinal);
    }

    private async Task<(int Status, JsonObject Problem)> HandleAsync(Exception exception)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Response.Body = new MemoryStream();
        var handler = scope.ServiceProvider.GetServices<IExceptionHandler>().OfType<ProblemDetailsExceptionHandler>().Single();

        Assert.True(await handler.TryHandleAsync(context, exception, CancellationToken.None));

        context.Response.Body.Position = 0;
        return (context.Response.StatusCode, (await JsonNode.ParseAsync(context.Response.Body))!.AsObject());
    }
}
