using FluentValidation;
using Mediator;

namespace L2R.Api.Infrastructure.Web;

/// <summary>
/// Refuses a message with a required member left null (see <see cref="MissingValues"/>), then runs every FluentValidation
/// validator of it before its handler; the only pipeline behaviour.
/// </summary>
public sealed class ValidationBehavior<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var missing = MissingValues.In(message);
        if (missing.Count > 0)
        {
            throw new ValidationException(missing.Select(path => new FluentValidation.Results.ValidationFailure(path, $"'{path}' is required.")));
        }

        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(message, cancellationToken);
            failures.AddRange(result.Errors);
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        return await next(message, cancellationToken);
    }
}
