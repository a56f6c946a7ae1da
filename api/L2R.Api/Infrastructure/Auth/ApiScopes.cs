namespace L2R.Api.Infrastructure.Auth;

/// <summary>What an API client may be granted. An endpoint names the one it needs with <see cref="ScopeEndpoints.RequireScope{TBuilder}"/>; endpoints naming none refuse clients.</summary>
public static class ApiScopes
{
    public const string LeadsRead = "leads:read";
    public const string LeadsWrite = "leads:write";
    public const string ActivitiesWrite = "activities:write";
    public const string TransitionsWrite = "transitions:write";
    public const string MetricsRead = "metrics:read";
    public const string WebhooksManage = "webhooks:manage";

    public static readonly IReadOnlyList<string> All = [LeadsRead, LeadsWrite, ActivitiesWrite, TransitionsWrite, MetricsRead, WebhooksManage];

    public static readonly IReadOnlyDictionary<string, string> Descriptions = new Dictionary<string, string>
    {
        [LeadsRead] = "Read leads, their history, activities and scores, the board and the event feed.",
        [LeadsWrite] = "Create, edit and upsert leads.",
        [ActivitiesWrite] = "Record activities.",
        [TransitionsWrite] = "Move leads (as far as the agreement lets integrations).",
        [MetricsRead] = "Read metrics.",
        [WebhooksManage] = "Manage webhook subscriptions and their deliveries.",
    };
}

/// <summary>Endpoint metadata: the scope an API client needs to call the endpoint. People are governed by their roles instead.</summary>
public sealed record RequiredScope(string Scope);

public static class ScopeEndpoints
{
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, string scope)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequiredScope(scope));
}
