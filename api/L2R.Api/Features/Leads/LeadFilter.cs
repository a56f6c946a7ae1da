using L2R.Api.Infrastructure.Web;
using L2R.Domain.Leads;

namespace L2R.Api.Features.Leads;

/// <summary>The filters the lead list and the board share. <see cref="Owner"/> is a user id, <c>me</c>, or <c>none</c> for unassigned leads.</summary>
public sealed record LeadFilter(string? Owner, string? Source, string? Campaign, string? Text)
{
    /// <summary>No filter is set: every lead of the tenant passes.</summary>
    public bool PassesAll() =>
        string.IsNullOrWhiteSpace(Owner) && string.IsNullOrWhiteSpace(Source) && string.IsNullOrWhiteSpace(Campaign) && string.IsNullOrWhiteSpace(Text);

    public IQueryable<Lead> Apply(IQueryable<Lead> leads, Guid? currentUserId)
    {
        if (!string.IsNullOrWhiteSpace(Owner))
        {
            if (Owner.Equals("none", StringComparison.OrdinalIgnoreCase))
            {
                leads = leads.Where(l => l.OwnerId == null);
            }
            else
            {
                var owner = Owner.Equals("me", StringComparison.OrdinalIgnoreCase)
                    ? currentUserId
                    : Guid.TryParse(Owner, out var id) ? id : throw RequestValidationException.For("owner", "Owner is a user id, \"me\" or \"none\".");
                leads = leads.Where(l => l.OwnerId == owner);
            }
        }

        if (!string.IsNullOrWhiteSpace(Source))
        {
            leads = leads.Where(l => l.Source == Source.Trim());
        }

        if (!string.IsNullOrWhiteSpace(Campaign))
        {
            leads = leads.Where(l => l.Campaign == Campaign.Trim());
        }

        if (!string.IsNullOrWhiteSpace(Text))
        {
            var text = Text.Trim().ToLowerInvariant();
            leads = leads.Where(l =>
                l.DisplayName.ToLower().Contains(text)
                || (l.Company != null && l.Company.ToLower().Contains(text))
                || (l.NormalizedEmail != null && l.NormalizedEmail.Contains(text)));
        }

        return leads;
    }
}
