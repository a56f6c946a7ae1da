using FluentValidation;
using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using L2R.Domain.Intel;
using Mediator;

namespace L2R.Api.Features.Intel.GetTagFrequency;

public sealed record GetTagFrequencyQuery(IntelParameters Filter, IntelKind Kind) : IQuery<TagFrequencyDto>, IIntelQuery;

public sealed class GetTagFrequencyValidator : IntelQueryValidator<GetTagFrequencyQuery>
{
    public GetTagFrequencyValidator()
    {
        RuleFor(q => q.Kind).IsInEnum();
    }
}

/// <summary>The questions leads ask most, the objections reps meet, or any kind: <see cref="IntelCounts"/> in the asked scope.</summary>
public sealed class GetTagFrequencyHandler(L2RDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<GetTagFrequencyQuery, TagFrequencyDto>
{
    public async ValueTask<TagFrequencyDto> Handle(GetTagFrequencyQuery query, CancellationToken ct)
    {
        var scope = query.Filter.Resolve(clock.GetUtcNow().UtcDateTime, user.UserId);
        var counts = await IntelCounts.PerTagAsync(db, query.Kind, scope, ct);
        return new TagFrequencyDto(query.Kind, scope.From, scope.To, counts.Select(TagFigureDto.From).ToList());
    }
}
