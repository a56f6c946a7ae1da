using Mediator;

namespace L2R.Api.Features.Webhooks.CreateWebhook;

/// <summary>Subscribe <see cref="Url"/> to <see cref="EventTypes"/> (none or empty: every type).</summary>
public sealed record CreateWebhookCommand(string Url, IReadOnlyList<string>? EventTypes) : ICommand<WebhookWithSecretDto>;
