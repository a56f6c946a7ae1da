using System.Globalization;
using System.Text;

namespace L2R.Api.Features.Reviews;

/// <summary>A brief as Markdown, to attach to the meeting's calendar invite: the same sections and items as the page, links kept.</summary>
public static class BriefMarkdown
{
    public const string ContentType = "text/markdown";

    public static string Render(ReviewBriefDto brief, string siteOrigin)
    {
        var content = brief.Content;
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"# Review of {brief.ReviewDate:yyyy-MM-dd}: brief\n\n");
        md.Append(CultureInfo.InvariantCulture, $"Period {content.From:yyyy-MM-dd HH:mm} – {content.To:yyyy-MM-dd HH:mm} UTC, compared with the same length before it ");
        md.Append(CultureInfo.InvariantCulture, $"(from {content.PreviousFrom:yyyy-MM-dd HH:mm}). Changes of at least {content.ChangePercent}% on at least {content.MinimumSample} leads. ");
        md.Append(CultureInfo.InvariantCulture, $"Version {brief.Version}, generated {brief.GeneratedAt:yyyy-MM-dd HH:mm} UTC by {brief.GeneratedByName}.\n");
        foreach (var section in content.Sections)
        {
            md.Append(CultureInfo.InvariantCulture, $"\n## {section.Title}\n\n");
            if (section.Items.Count == 0)
            {
                md.Append("Nothing beyond the thresholds.\n");
                continue;
            }

            foreach (var item in section.Items)
            {
                md.Append("- ").Append(Escape(item.Text));
                if (item.MetricsUrl is { } url)
                {
                    md.Append(CultureInfo.InvariantCulture, $" ([numbers]({siteOrigin}{url}))");
                }

                if (item.LeadIds.Count > 0)
                {
                    md.Append(" — leads: ").AppendJoin(", ", item.LeadIds.Take(5).Select((id, i) => $"[{i + 1}]({siteOrigin}/leads/{id})"));
                    if (item.LeadIds.Count > 5)
                    {
                        md.Append(CultureInfo.InvariantCulture, $" and {item.LeadIds.Count - 5} more");
                    }
                }

                md.Append('\n');
            }
        }

        return md.ToString();
    }

    /// <summary>Text from names and labels people typed must not turn into links or emphasis.</summary>
    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '*' or '_' or '[' or ']' or '`' or '<' or '>' or '#')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }
}
