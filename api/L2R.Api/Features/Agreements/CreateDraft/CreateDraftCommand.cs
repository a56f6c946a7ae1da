using Mediator;

namespace L2R.Api.Features.Agreements.CreateDraft;

public sealed record CreateDraftRequest(int? FromVersion);

/// <summary>Opens the tenant's one draft, copied from the active version or any earlier one (a rollback is a new version).</summary>
public sealed record CreateDraftCommand(int? FromVersion) : ICommand<AgreementDraftDto>;
