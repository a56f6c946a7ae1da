using System.Net;
using System.Text.Json.Nodes;
using L2R.Api.Infrastructure.Hosting;
using L2R.Api.Infrastructure.Web;
using L2R.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace L2R.Api.Tests;

/// <summary>The SPA fallback never swallows the API, Swagger or health; the probes answer, and Swagger UI with its document where configured.</summary>
public abstract class HostingEndpointsTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : L2RApiFactory
{
    [Theory]
    [InlineData("GET", "/api/does-not-exist")]
    [InlineData("GET", "/api/leads/not-a-guid/history")]
    [InlineData("POST", "/api/nothing/here")]
    [InlineData("GET", "/health/nope")]
    [InlineData("GET", "/swagger/nope")]
    public async Task UnknownApiPaths_AreJson404s_NotTheSpa(string method, string path)
    {
        var http = factory.CreateClient();
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml");

        var problem = await ApiSession.ProblemAsync(await http.SendAsync(request), HttpStatusCode.NotFound);

        Assert.Equal(404, problem["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task AWrongMethod_Is405_AndAWrongContentType_Is415_NotA404()
    {
        var admin = await ApiSession.SignUpAsync(factory);

        var wrongMethod = await ApiSession.ProblemAsync(await admin.Http.DeleteAsync($"/api/leads/{Guid.NewGuid()}"), HttpStatusCode.MethodNotAllowed);
        var wrongType = await ApiSession.ProblemAsync(
            await admin.Http.PostAsync("/api/leads", new StringContent("lastName=Vance", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded")),
            HttpStatusCode.UnsupportedMediaType);

        Assert.Equal("https://l2r.dev/problems/method-not-allowed", wrongMethod["type"]!.GetValue<string>());
        Assert.Equal("https://l2r.dev/problems/unsupported-media-type", wrongType["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheLeadFields_CriteriaMayTest_AreListedWithTheirKinds()
    {
        var admin = await ApiSession.SignUpAsync(factory);

        var fields = (await admin.GetJsonAsync("/api/agreement/fields")).AsArray();

        Assert.Contains(fields, f => f!["name"]!.GetValue<string>() == "companySize" && f["kind"]!.GetValue<string>() == "Number");
        Assert.Contains(fields, f => f!["name"]!.GetValue<string>() == "budget" && f["kind"]!.GetValue<string>() == "YesNo");
    }

    [Fact]
    public async Task AnUnknownSwaggerDocument_Is404_NotTheSpa()
    {
        var response = await WithSwaggerUi().CreateClient().GetAsync("/swagger/v2/swagger.json");

        await ApiSession.Expect(response, HttpStatusCode.NotFound);
        Assert.NotEqual("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task UnknownApiPaths_AreJson404s_ForSignedInUsersToo()
    {
        var admin = await ApiSession.SignUpAsync(factory);

        await ApiSession.ProblemAsync(await admin.Http.GetAsync("/api/does-not-exist"), HttpStatusCode.NotFound);
    }

    [Fact]
    public void TheDemoClockAndRunAs_AreNotRegistered_WhereTheDemoIsNotSeeded()
    {
        Assert.Null(factory.Services.GetService<RunAs>());
        Assert.Null(factory.Services.GetService<DemoSeeder>());
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task HealthProbes_Answer200(string path)
    {
        var response = await factory.CreateClient().GetAsync(path);

        await ApiSession.Expect(response, HttpStatusCode.OK);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/swagger/index.html")]
    [InlineData("/swagger/v1/swagger.json")]
    public async Task SwaggerUi_IsOffOutsideDevelopment_AndItsPathsStayJson404s(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml");

        await ApiSession.ProblemAsync(await factory.CreateClient().SendAsync(request), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task SwaggerUi_IsServed_WhenConfigured()
    {
        var response = await WithSwaggerUi().CreateClient().GetAsync("/swagger/index.html");

        await ApiSession.Expect(response, HttpStatusCode.OK);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task TheOpenApiDocument_IsServed_AndNamesEveryOperation()
    {
        var response = await WithSwaggerUi().CreateClient().GetAsync("/swagger/v1/swagger.json");

        await ApiSession.Expect(response, HttpStatusCode.OK);
        var document = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var operations = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(o => (Path: p.Key, Method: o.Key, Id: o.Value!["operationId"]?.GetValue<string>())))
            .ToList();
        Assert.Contains(operations, o => o.Id == "FireTrigger");
        Assert.All(operations, o => Assert.False(string.IsNullOrEmpty(o.Id), $"{o.Method} {o.Path} has no operation id"));
        Assert.DoesNotContain(operations, o => o.Path.Contains("rest", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/board", SecurityHeaders.SpaPolicy)]
    [InlineData("/", SecurityHeaders.SpaPolicy)]
    [InlineData("/api/leads", SecurityHeaders.ApiPolicy)]
    [InlineData("/api/does-not-exist", SecurityHeaders.ApiPolicy)]
    [InlineData("/health/ready", SecurityHeaders.ApiPolicy)]
    public async Task EveryAnswer_CarriesTheSecurityHeaders_AndThePolicyOfWhatItIs(string path, string policy)
    {
        var response = await factory.CreateClient().GetAsync(path);

        Assert.Equal(policy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal(SecurityHeaders.StrictTransport, response.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Fact]
    public async Task SwaggerUi_KeepsItsInlineScripts_WithoutThePolicy_ButWithTheOtherHeaders()
    {
        var swagger = await WithSwaggerUi().CreateClient().GetAsync("/swagger/index.html");

        Assert.False(swagger.Headers.Contains("Content-Security-Policy"));
        Assert.Equal("nosniff", swagger.Headers.GetValues("X-Content-Type-Options").Single());
    }

    private WebApplicationFactory<Program> WithSwaggerUi() => factory.WithWebHostBuilder(builder => builder.UseSetting("OpenApi:SwaggerUi", "true"));
}

public sealed class SqliteHostingEndpointsTests(SqliteApiFactory factory) : HostingEndpointsTests<SqliteApiFactory>(factory);

public sealed class PostgresHostingEndpointsTests(PostgresApiFactory factory) : HostingEndpointsTests<PostgresApiFactory>(factory);
