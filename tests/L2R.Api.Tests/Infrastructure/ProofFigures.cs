using Xunit.Abstractions;

namespace L2R.Api.Tests.Infrastructure;

/// <summary>
/// The proof suites' figures (attempts, failures): in the test's output, and appended to the file named by
/// <c>L2R_PROOF_FIGURES</c>, which the test command prints at the end so every run shows them.
/// </summary>
public static class ProofFigures
{
    private static readonly Lock Writing = new();

    public static void Report(ITestOutputHelper output, string figures)
    {
        output.WriteLine(figures);
        if (Environment.GetEnvironmentVariable("L2R_PROOF_FIGURES") is { Length: > 0 } path)
        {
            lock (Writing)
            {
                File.AppendAllText(path, figures + Environment.NewLine);
            }
        }
    }
}
