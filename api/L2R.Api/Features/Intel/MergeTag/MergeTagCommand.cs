using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Web;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Intel.MergeTag;

public sealed record MergeTagCommand(Guid Id, Guid IntoId) : ICommand<IntelTagDto>;

/// <summary>
/// An Admin folds one tag into another of the same kind ("HubSpot CRM" into "HubSpot"): every mention moves to the
/// target (a record that had both keeps one), and the merged tag is retired and points at it, so adding its label
/// again answers the target. 404 for either id of another tenant; 400 for a different kind or the tag itself.
/// </summary>
public sealed class MergeTagHandler(L2RDbContext db, TimeProvider clock) : ICommandHandler<MergeTagCommand, IntelTagDto>
{
    public async ValueTask<IntelTagDto> Handle(MergeTagCommand command, CancellationToken ct) =>
        await db.InTransactionAsync(async () =>
        {
            var tag = await db.FindTagAsync(command.Id, ct);
            var into = await db.FindTagAsync(command.IntoId, ct);
            if (tag.Id == into.Id)
            {
                throw RequestValidationException.For("other", "A tag cannot be merged into itself.");
            }

            if (tag.Kind != into.Kind)
            {
                throw RequestValidationException.For("other", $"Merge a {tag.Kind} tag into another {tag.Kind} tag, not a {into.Kind} one.");
            }

            var bothTagged = db.LeadIntelTags.Where(t => t.TagId == into.Id).Select(t => t.LeadIntelId);
            await db.LeadIntelTags.Where(t => t.TagId == tag.Id && bothTagged.Contains(t.LeadIntelId)).ExecuteDeleteAsync(ct);
            await db.LeadIntelTags.Where(t => t.TagId == tag.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.TagId, into.Id), ct);
            await db.IntelTags.Where(t => t.MergedIntoId == tag.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.MergedIntoId, into.Id), ct);
            tag.MergedIntoId = into.Id;
            tag.RetiredAt ??= clock.GetUtcNow().UtcDateTime;
            into.RetiredAt = null;
            await db.SaveChangesAsync(ct);
            return await db.ToDtoAsync(into, ct);
        }, ct);
}
