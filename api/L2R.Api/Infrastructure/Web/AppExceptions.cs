using L2R.Domain.Agreements;

namespace L2R.Api.Infrastructure.Web;

/// <summary>The expected refusals of the application; <see cref="ProblemDetailsExceptionHandler"/> turns each into its ProblemDetails.</summary>
public abstract class AppException(string message) : Exception(message);

/// <summary>Unknown id, or an id of another tenant: both look the same from outside.</summary>
public sealed class NotFoundException(string resource, object id, string? detail = null, IReadOnlyDictionary<string, object?>? extensions = null)
    : AppException(detail ?? $"{resource} {id} was not found.")
{
    /// <summary>What the 404 can still say, such as the lead a merged lead lives on in.</summary>
    public IReadOnlyDictionary<string, object?> Extensions { get; } = extensions ?? new Dictionary<string, object?>();
}

public sealed class ForbiddenException(string message) : AppException(message);

public sealed class UnauthorizedException(string message) : AppException(message);

public sealed class ConflictException(string message, IReadOnlyDictionary<string, object?>? extensions = null) : AppException(message)
{
    public IReadOnlyDictionary<string, object?> Extensions { get; } = extensions ?? new Dictionary<string, object?>();
}

public sealed class PreconditionFailedException(string message) : AppException(message);

/// <summary>The agreement's guard for the move does not hold; carries every criterion that failed and why.</summary>
public sealed class GuardUnmetException(string message, IReadOnlyList<CriterionEvaluation> unmet) : AppException(message)
{
    public IReadOnlyList<CriterionEvaluation> Unmet { get; } = unmet;
}

/// <summary>Field-level validation failures found by a handler (reasons, owners, agreement content) rather than a validator.</summary>
public sealed class RequestValidationException(IReadOnlyDictionary<string, string[]> errors) : AppException("One or more fields are invalid.")
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static RequestValidationException For(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>An Idempotency-Key sent again with a different request (IETF httpapi idempotency-key draft: 422).</summary>
public sealed class IdempotencyKeyReusedException(string message) : AppException(message);
