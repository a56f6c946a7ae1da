using Mediator;

namespace L2R.Api.Features.Webhooks.UpdateWebhook;

/// <summary>
/// Replace a subscription's URL, event types and whether it is enabled (enabling clears a disabled reason). With
/// <see cref="RotateSecret"/>, a new secret is made and the old one keeps signing beside it for 24 hours.
/// </summary>
public sealed record UpdateWebhookRequest(string Url, IReadOnlyList<string>? EventTypes, bool Enabled, bool RotateSecret);

public sealed record UpdateWebhookCommand(Guid WebhookId, UpdateWebhookRequest Changes) : ICommand<WebhookWithSecretDto>;
