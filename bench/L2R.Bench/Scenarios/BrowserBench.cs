using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace L2R.Bench.Scenarios;

public sealed record BrowserResult(JsonObject? Measured, string? NotMeasuredBecause);

/// <summary>S4: runs bench/browser/board.mjs (playwright-core + Debian's Chromium) against the API serving the SPA.</summary>
public static class BrowserBench
{
    public static async Task<BrowserResult> RunAsync(string repo, string baseUrl, string tenant, string email, string password, int columns, CancellationToken ct)
    {
        var script = Path.Combine(repo, "bench", "browser", "board.mjs");
        var chromium = Environment.GetEnvironmentVariable("CHROME_BIN") ?? "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            return new BrowserResult(null, $"no Chromium at {chromium} (apt-get install chromium, or set CHROME_BIN)");
        }

        if (!Directory.Exists(Path.Combine(repo, "bench", "browser", "node_modules", "playwright-core")))
        {
            return new BrowserResult(null, "playwright-core is not installed: run npm install in bench/browser (scripts/bench.sh does)");
        }

        using (var http = new HttpClient { BaseAddress = new Uri(baseUrl) })
        {
            using var login = await http.GetAsync("/login", ct);
            var html = await login.Content.ReadAsStringAsync(ct);
            if (!login.IsSuccessStatusCode || !html.Contains("<app-root", StringComparison.OrdinalIgnoreCase))
            {
                return new BrowserResult(null, "the API serves no SPA (build web/ into api/L2R.Api/wwwroot with scripts/build-web.sh, then publish again)");
            }
        }

        var options = JsonSerializer.Serialize(new { @base = baseUrl, tenant, email, password, columns, chromium });
        var info = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(script);
        info.ArgumentList.Add(options);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start node.");
        var stderr = process.StandardError.ReadToEndAsync(ct);
        var stdout = await process.StandardOutput.ReadToEndAsync(ct);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(limit.Token);
        var line = stdout.Split('\n').LastOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal));
        if (line is null)
        {
            return new BrowserResult(null, $"board.mjs printed no result (exit {process.ExitCode}): {(await stderr).Trim()}");
        }

        var result = JsonNode.Parse(line["RESULT ".Length..])!.AsObject();
        return result["error"] is { } error && result["firstRenderMs"] is null
            ? new BrowserResult(result, $"board.mjs failed: {error}")
            : new BrowserResult(result, null);
    }
}
