using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Intel;

public static class IntelTagReads
{
    /// <summary>A tag of this tenant to change; another tenant's id is as unknown as a made-up one.</summary>
    public static async Task<IntelTag> FindTagAsync(this L2RDbContext db, Guid id, CancellationToken ct) =>
        await db.IntelTags.FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException("Tag", id);

    public static async Task<IntelTagDto> ToDtoAsync(this L2RDbContext db, IntelTag tag, CancellationToken ct) =>
        IntelTagDto.From(tag, await db.LeadIntelTags.CountAsync(t => t.TagId == tag.Id, ct));
}
