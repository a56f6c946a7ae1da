using System.Text.Json.Nodes;

namespace L2R.Api.Tests.Infrastructure;

/// <summary>The committed OpenAPI document; the test command fails when it differs from what the API generates, so it describes the API under test.</summary>
public static class OpenApiDocument
{
    public static JsonObject Load()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var path = Path.Combine(directory.FullName, "api", "L2R.Api.json");
            if (File.Exists(path))
            {
                return JsonNode.Parse(File.ReadAllText(path))!.AsObject();
            }
        }

        throw new FileNotFoundException("api/L2R.Api.json was not found above the test assembly.");
    }
}
