using System.Text.Json.Serialization;
using FluentValidation;
using L2R.Api.Features.Agreements;
using L2R.Api.Features.Auth;
using L2R.Api.Features.Calendars;
using L2R.Api.Features.Imports;
using L2R.Api.Features.Imports.RunImport;
using L2R.Api.Features.Intel;
using L2R.Api.Features.Leads;
using L2R.Api.Features.Notifications;
using L2R.Api.Features.Reviews;
using L2R.Api.Features.Routing;
using L2R.Api.Features.Metrics;
using L2R.Api.Features.Users;
using L2R.Api.Features.Webhooks;
using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Hosting;
using L2R.Api.Infrastructure.Live;
using L2R.Api.Infrastructure.Scheduling;
using L2R.Api.Infrastructure.Outbox;
using L2R.Api.Infrastructure.Telemetry;
using L2R.Api.Infrastructure.Tenancy;
using L2R.Api.Infrastructure.Web;
using L2R.Domain.Agreements;
using Polly;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace L2R.Api.Infrastructure;

public static class ServiceRegistration
{
    private const string ConnectionStringName = "L2R";

    /// <summary>The database owner's, when the application connects as a role of its own (docs/decisions/0014).</summary>
    private const string OwnerConnectionStringName = "L2RMigrations";

    public static IServiceCollection AddL2R(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var database = configuration.BindOptions<DatabaseOptions>(DatabaseOptions.Section);
        var configured = configuration.GetConnectionString(ConnectionStringName);
        var usesDataDirectory = database.IsEmbeddedDefault && string.IsNullOrWhiteSpace(configured);
        var connectionString = usesDataDirectory ? DefaultSqlite(database, environment) : configured ?? "";
        services.AddValidatedOptions<DatabaseOptions>(DatabaseOptions.Section)
            .Validate<IConfiguration>(
                (options, config) => options.IsEmbeddedDefault || !string.IsNullOrWhiteSpace(config.GetConnectionString(ConnectionStringName)),
                $"ConnectionStrings:{ConnectionStringName} is required for the Postgres and SqlServer providers.");
        services.AddValidatedOptions<AuthOptions>(AuthOptions.Section);
        services.AddSingleton<IValidateOptions<AuthOptions>>(new AuthOptionsValidator(database));
        services.AddValidatedOptions<SeedOptions>(SeedOptions.Section);
        services.AddValidatedOptions<SweepOptions>(SweepOptions.Section);
        services.AddValidatedOptions<SlaOptions>(SlaOptions.Section);
        services.AddValidatedOptions<BoardCountOptions>(BoardCountOptions.Section);
        services.AddValidatedOptions<ReviewOptions>(ReviewOptions.Section);
        services.AddValidatedOptions<OpenApiOptions>(OpenApiOptions.Section);
        services.AddValidatedOptions<ImportOptions>(ImportOptions.Section);
        services.AddValidatedOptions<WebhookOptions>(WebhookOptions.Section);
        services.AddValidatedOptions<RateLimitOptions>(RateLimitOptions.Section);
        services.AddValidatedOptions<RedisOptions>(RedisOptions.Section);
        services.AddL2RTelemetry(configuration, configuration.BindOptions<TelemetryOptions>(TelemetryOptions.Section));
        services.AddHttpContextAccessor();

        services.AddScoped<CurrentUser>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<CurrentUser>());
        services.AddScoped(sp => new TenantContext(sp.GetRequiredService<ICurrentUser>()));
        services.AddScoped<ITenantContext>(sp => sp.GetRequiredService<TenantContext>());
        services.AddSingleton<ITenantScopes, TenantScopes>();

        var redis = configuration.BindOptions<RedisOptions>(RedisOptions.Section);
        services.AddL2RLive(configuration, redis);
        services.AddDatabase(database.Provider, connectionString, usesDataDirectory);
        services.AddSingleton(new DatabaseOwner(database, configuration.GetConnectionString(OwnerConnectionStringName), connectionString));
        services.AddL2RScheduling(database.Provider, connectionString);
        services.AddSingleton<EveryTenant>();
        services.AddScoped<AgreementStore>();
        services.AddScoped<LeadMoves>();
        services.AddScoped<CalendarStore>();
        services.AddScoped<ReviewSchedule>();
        services.AddScoped<BriefAssembler>();
        services.AddScoped<SlaNotifier>();
        services.AddScoped<RoutingNotifier>();
        services.AddScoped<RoutingStates>();
        services.AddScoped<DriftWatch>();
        services.AddScoped<IntelWriter>();
        services.AddScoped<ImportFileStore>();
        services.AddScoped<LeadImportBatch>();
        services.AddScoped<ActivityImportBatch>();
        services.AddScoped<LeadEdits>();
        services.AddSingleton<ParsedAgreementCache>();

        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.PipelineBehaviors = [typeof(ValidationBehavior<,>)];
        });
        services.AddValidatorsFromAssemblyContaining<Program>(includeInternalTypes: true);

        services.AddSingleton<IPasswordHasher<User>, PasswordHasher<User>>();
        services.AddSingleton<SigningKeyProvider>();
        services.AddSingleton<TokenService>();
        services.AddMemoryCache();
        services.AddSingleton<ActiveUserCheck>();
        services.AddScoped<SessionIssuer>();
        services.AddAuth();

        services.AddSingleton<DatabaseInitializer>();
        if (!IsGeneratingOpenApiDocument)
        {
            services.AddHostedService(sp => sp.GetRequiredService<DatabaseInitializer>());
            services.AddL2RSchedulerHosting();
            services.AddL2RLiveHosting(redis);
        }

        services.AddWebhooks();
        services.AddL2RRateLimits();

        // The seeder's travelling clock and run-as exist only where it runs: never in production, never in tests.
        if (configuration.BindOptions<SeedOptions>(SeedOptions.Section).SeedsDemoTenant(database))
        {
            services.AddSingleton<TimeProvider, TravellingTimeProvider>();
            services.AddSingleton<RunAs>();
            services.AddSingleton<DemoSeeder>();
        }
        else
        {
            services.AddSingleton(TimeProvider.System);
        }

        services.AddHealthChecks().AddCheck<ReadinessCheck>("database", tags: ["ready"]);

        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            // Statuses answered outside the exception handler (401, 403, 404, 405 from auth and routing) get our problem types too.
            if (context.ProblemDetails.Type?.StartsWith(ProblemDetailsExceptionHandler.TypeBase, StringComparison.Ordinal) != true)
            {
                context.ProblemDetails.Type = ProblemDetailsExceptionHandler.TypeBase + context.ProblemDetails.Status switch
                {
                    401 => "unauthorized",
                    403 => "forbidden",
                    404 => "not-found",
                    405 => "method-not-allowed",
                    415 => "unsupported-media-type",
                    _ => "http-" + context.ProblemDetails.Status,
                };
            }

            context.ProblemDetails.Extensions["traceId"] = ProblemDetailsExceptionHandler.TraceIdOf(context.HttpContext);
        });
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.ConfigureHttpJsonOptions(options => ConfigureJson(options.SerializerOptions));
        services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(options => ConfigureJson(options.JsonSerializerOptions));
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }

    /// <summary>The build's OpenAPI generator starts the host too; it must not touch a database.</summary>
    private static bool IsGeneratingOpenApiDocument => System.Reflection.Assembly.GetEntryAssembly()?.GetName().Name == "GetDocument.Insider";

    /// <summary>The API's JSON, for HTTP and for the live board's pushes alike.</summary>
    internal static void ConfigureJson(System.Text.Json.JsonSerializerOptions options)
    {
        AgreementJson.Configure(options);
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
    }

    /// <summary>
    /// Bound strictly (an unknown key such as a misspelt <c>Sweep:IntervalMinute</c> fails too) and validated when the
    /// host starts, before any hosted service touches the database.
    /// </summary>
    private static OptionsBuilder<T> AddValidatedOptions<T>(this IServiceCollection services, string section)
        where T : class =>
        services.AddOptions<T>().BindConfiguration(section, Strict).ValidateDataAnnotations().ValidateOnStart();

    /// <summary>For the few choices made while registering services (which provider, whether the demo runs); validated at start like the rest.</summary>
    private static T BindOptions<T>(this IConfiguration configuration, string section)
        where T : new() =>
        configuration.GetSection(section).Get<T>(Strict) ?? new T();

    private static void Strict(BinderOptions binder) => binder.ErrorOnUnknownConfiguration = true;

    /// <summary>A missing connection string for Postgres or SqlServer is refused at start, before a context is ever made.</summary>
    private static void AddDatabase(this IServiceCollection services, DatabaseProvider provider, string connectionString, bool usesDataDirectory)
    {
        switch (provider)
        {
            case DatabaseProvider.Postgres:
                services.AddDbContext<L2RDbContext, PostgresL2RDbContext>((sp, o) => o.UseNpgsql(connectionString)
                    .AddInterceptors(sp.GetRequiredService<TransitionMetricsInterceptor>(), TenantSessionInterceptor.Postgres, sp.GetRequiredService<LiveBoardChanges>()));
                break;
            case DatabaseProvider.SqlServer:
                services.AddDbContext<L2RDbContext, SqlServerL2RDbContext>((sp, o) => o.UseSqlServer(connectionString)
                    .AddInterceptors(sp.GetRequiredService<TransitionMetricsInterceptor>(), TenantSessionInterceptor.SqlServer, sp.GetRequiredService<LiveBoardChanges>()));
                break;
            default:
                services.AddDbContext<L2RDbContext, SqliteL2RDbContext>((sp, o) =>
                {
                    if (usesDataDirectory)
                    {
                        Directory.CreateDirectory(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ResolveDataDirectory(sp.GetRequiredService<IHostEnvironment>().ContentRootPath));
                    }

                    o.UseSqlite(connectionString).AddInterceptors(sp.GetRequiredService<TransitionMetricsInterceptor>(), SqliteSessionInterceptor.Instance, sp.GetRequiredService<LiveBoardChanges>());
                });
                break;
        }
    }

    /// <summary>
    /// Only names the file; the folder is made when the first context opens (the build's document generator never
    /// opens one). A blank folder is left to the options check at start, which names the key.
    /// </summary>
    private static string DefaultSqlite(DatabaseOptions options, IHostEnvironment environment) =>
        string.IsNullOrWhiteSpace(options.DataDirectory)
            ? ""
            : $"Data Source={Path.Combine(options.ResolveDataDirectory(environment.ContentRootPath), "l2r.db")};Default Timeout=15";

    /// <summary>The relay and the delivery HttpClient: 15 s per attempt, no redirects, the SSRF guard at connect time.</summary>
    private static void AddWebhooks(this IServiceCollection services)
    {
        services.AddScoped<WebhookStore>();
        services.AddSingleton<OutboxRelay>();
        services.AddHttpClient<WebhookSender>()
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                ConnectCallback = WebhookTargets.Connect(sp.GetRequiredService<IOptions<WebhookOptions>>().Value.AllowsPrivateTargets(sp.GetRequiredService<IHostEnvironment>())),
            })
            .AddResilienceHandler("webhook", pipeline => pipeline.AddTimeout(WebhookOptions.Timeout));
    }

    /// <summary>Signed in, and either a person (with <paramref name="userRole"/> when named) or an API client holding the endpoint's scope.</summary>
    private static AuthorizationPolicy CallerPolicy(params L2R.Domain.Leads.Role[] userRoles) =>
        new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser()
            .AddRequirements(new CallerRequirement(userRoles))
            .Build();

    private static void AddAuth(this IServiceCollection services)
    {
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<SigningKeyProvider, IOptions<AuthOptions>>((options, keys, auth) =>
            {
                options.MapInboundClaims = false;
                options.Events = new JwtBearerEvents
                {
                    OnMessageReceived = LiveRegistration.TokenFromQueryForHubs,
                    OnTokenValidated = TokenHeaderPolicy.ThenAsync(ActiveUserCheck.RejectUnlessActiveAsync),
                };
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = auth.Value.Issuer,
                    ValidAudience = auth.Value.Audience,
                    IssuerSigningKeyResolver = (_, _, kid, _) => keys.KeysFor(kid),
                    TryAllIssuerSigningKeys = false,
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    ValidateIssuer = true,
                    ValidateAudience = true,
                    ValidateLifetime = true,
                    ValidateIssuerSigningKey = true,
                    RequireExpirationTime = true,
                    RequireSignedTokens = true,
                    ClockSkew = TimeSpan.FromSeconds(30),
                    NameClaimType = L2RClaims.Name,
                    RoleClaimType = L2RClaims.Role,
                };
            });
        services.AddClientCredentials();
        services.AddSingleton<IAuthorizationHandler, CallerRequirementHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ScopeAwareAuthorizationResultHandler>();
        services.AddAuthorizationBuilder()
            .SetDefaultPolicy(CallerPolicy())
            .AddPolicy(UsersEndpoints.AdminPolicy, CallerPolicy(L2R.Domain.Leads.Role.Admin))
            .AddPolicy(MetricsEndpoints.ReadPolicy, CallerPolicy(L2R.Domain.Leads.Role.Marketing, L2R.Domain.Leads.Role.Sales, L2R.Domain.Leads.Role.Admin))
            .AddPolicy(ImportsEndpoints.ImporterPolicy, CallerPolicy(L2R.Domain.Leads.Role.Admin, L2R.Domain.Leads.Role.Marketing))
            .AddPolicy(RoutingEndpoints.FairnessPolicy, CallerPolicy(L2R.Domain.Leads.Role.Sales, L2R.Domain.Leads.Role.Admin))
            .AddPolicy(ReviewsEndpoints.ParticipantPolicy, CallerPolicy(L2R.Domain.Leads.Role.Marketing, L2R.Domain.Leads.Role.Sales, L2R.Domain.Leads.Role.Admin));
    }
}
