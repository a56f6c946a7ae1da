using L2R.Api.Features.Activities;
using L2R.Api.Features.Agreements;
using L2R.Api.Features.Audit;
using L2R.Api.Features.Auth;
using L2R.Api.Features.Board;
using L2R.Api.Features.Calendars;
using L2R.Api.Features.Imports;
using L2R.Api.Features.Intel;
using L2R.Api.Features.Clients;
using L2R.Api.Features.Events;
using L2R.Api.Features.Leads;
using L2R.Api.Features.Notifications;
using L2R.Api.Features.Reviews;
using L2R.Api.Features.Routing;
using L2R.Api.Features.Scorecards;
using L2R.Api.Features.Slas;
using L2R.Api.Features.Teams;
using L2R.Api.Features.Metrics;
using L2R.Api.Features.Tenants;
using L2R.Api.Features.Users;
using L2R.Api.Features.Webhooks;
using L2R.Api.Infrastructure;
using L2R.Api.Infrastructure.Live;
using L2R.Api.Infrastructure.Web;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.ConfigureKestrel(options => options.Limits.MaxRequestBodySize = RequestLimits.MaxBodyBytes);
builder.Services.AddL2R(builder.Configuration, builder.Environment);
builder.Services.AddL2ROpenApi();

var app = builder.Build();

app.UseSecurityHeaders(app.Environment);
app.UseExceptionHandler();
app.UseStatusCodePages(context => TypedResults.Problem(statusCode: context.HttpContext.Response.StatusCode).ExecuteAsync(context.HttpContext));
app.UseMiddleware<RequestLimits>();

// The build writes the OpenAPI document through the generator itself, so serving it is for people only.
if (app.Services.GetRequiredService<IOptions<OpenApiOptions>>().Value.ServesSwaggerUi(app.Environment))
{
    app.UseSwagger();
    app.UseSwaggerUI(options => options.DocumentTitle = "L2R API");
}

app.UseSpaFallback();
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseMiddleware<Idempotency>();

app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
app.MapTenants();
app.MapAuth();
app.MapUsers();
app.MapLeads();
app.MapBoard();
app.MapAgreement();
app.MapCalendars();
app.MapSlas();
app.MapNotifications();
app.MapMetrics();
app.MapScorecard();
app.MapIntel();
app.MapImports();
app.MapAudit();
app.MapClients();
app.MapWebhooks();
app.MapEvents();
app.MapActivities();
app.MapTeams();
app.MapRouting();
app.MapReviews();
app.MapLive();

app.Run();

public partial class Program;
