using System.Globalization;

namespace L2R.Bench;

public sealed class BenchOptions
{
    public string Repo { get; private set; } = "";
    public string Output { get; private set; } = "";
    public HashSet<string> Scenarios { get; private set; } = [.. All];
    public int[] Clients { get; private set; } = [1, 8, 32];
    public TimeSpan Warmup { get; private set; } = TimeSpan.FromSeconds(3);
    public TimeSpan Duration { get; private set; } = TimeSpan.FromSeconds(10);
    public int Leads { get; private set; } = 512;
    public int Users { get; private set; } = 4;
    public int[] BoardSizes { get; private set; } = [1_000, 10_000, 100_000];
    public int BoardRequests { get; private set; } = 100;
    public string? ApiDir { get; private set; }
    public bool Diagnose { get; private set; }
    public bool Verbose { get; private set; }
    public TimeSpan Hold { get; private set; }

    public int ActivationLeads { get; private set; } = 100_000;

    /// <summary>Whether S5/S6 and S8 also run on an API started on SQLite.</summary>
    public bool Sqlite { get; private set; } = true;

    public int MetricsLeads { get; private set; } = 100_000;
    public int MetricsRequests { get; private set; } = 30;
    public int ImportRows { get; private set; } = 100_000;
    public int LiveMoves { get; private set; } = 200;

    private static readonly string[] All = ["s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10"];

    public bool Runs(string scenario) => Scenarios.Contains(scenario);

    public bool NeedsServer => All.Except(["s3"]).Any(Runs);

    public const string Usage =
        """
        L2R bench: prints a table of every figure with its raw baseline and target, and writes artifacts/bench/results.json.
          --only s1,...,s10   scenarios to run (default: all); --s3 runs only the BenchmarkDotNet part (no server)
          --clients 1,8,32     S1 concurrency levels          --duration 10 --warmup 3   S1 seconds per level and run
          --leads 512          S1 leads (made via the API)    --users 4                  S1 users whose tokens are used
          --sizes 1000,10000,100000   S2 tenants' lead counts --board-requests 100       S2 requests per size
          --activation-leads 100000   S5/S6 open leads (half of them move)   --no-sqlite   S5/S6 and S8 on PostgreSQL only
          --metrics-leads 100000      S7/S9 tenant's leads (about 4 history rows each)
          --metrics-requests 30       S7 requests per waterfall   --import-rows 100000   S8 CSV rows
          --live-moves 200     S10 moves timed from commit to the push on another board (three instances behind nginx)
          --api-dir DIR        use an already published API instead of publishing one
          --diagnose           then rerun S1 (fewest and most clients) and S2 (largest) on fresh API processes with
                               settings changed, to show what each costs (adds about 4 minutes)
          --quick              a short smoke run (2 s levels, 1k and 10k boards, 10k leads to activate, 10k to measure
                               the waterfall and export on, 10k rows to import)
          --out DIR            where results go (default: artifacts/bench)   --repo DIR   the repository (default: found upwards)
          --verbose            BenchmarkDotNet's own log
          --hold SECONDS       before S4, print the board tenant's sign-in and keep the API up this long (to look by hand)
        """;

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        string? repo = null;
        string? output = null;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--only": options.Scenarios = Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => s.ToLowerInvariant()).ToHashSet(); break;
                case "--s3": options.Scenarios = ["s3"]; break;
                case "--clients": options.Clients = Ints(Next()); break;
                case "--duration": options.Duration = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)); break;
                case "--warmup": options.Warmup = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)); break;
                case "--leads": options.Leads = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--users": options.Users = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--sizes": options.BoardSizes = Ints(Next()); break;
                case "--board-requests": options.BoardRequests = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--activation-leads": options.ActivationLeads = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--no-sqlite": options.Sqlite = false; break;
                case "--metrics-leads": options.MetricsLeads = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--metrics-requests": options.MetricsRequests = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--import-rows": options.ImportRows = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--live-moves": options.LiveMoves = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--api-dir": options.ApiDir = Path.GetFullPath(Next()); break;
                case "--diagnose": options.Diagnose = true; break;
                case "--quick":
                    options.Duration = TimeSpan.FromSeconds(2);
                    options.Warmup = TimeSpan.FromSeconds(1);
                    options.BoardSizes = [1_000, 10_000];
                    options.BoardRequests = 20;
                    options.Leads = 128;
                    options.ActivationLeads = 10_000;
                    options.MetricsLeads = 10_000;
                    options.MetricsRequests = 10;
                    options.ImportRows = 10_000;
                    options.LiveMoves = 50;
                    break;
                case "--out": output = Next(); break;
                case "--repo": repo = Next(); break;
                case "--verbose": options.Verbose = true; break;
                case "--hold": options.Hold = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)); break;
                case "-h" or "--help": throw new HelpRequested();
                default: throw new ArgumentException($"Unknown option {args[i]}.");
            }
        }

        if (options.Scenarios.Except(All).FirstOrDefault() is { } unknown)
        {
            throw new ArgumentException($"Unknown scenario {unknown}.");
        }

        if (options.ActivationLeads < 2)
        {
            throw new ArgumentException("--activation-leads must be at least 2, so one lead moves.");
        }

        if (options.MetricsLeads < 1 || options.MetricsRequests < 1 || options.ImportRows < 1 || options.LiveMoves < 1)
        {
            throw new ArgumentException("--metrics-leads, --metrics-requests, --import-rows and --live-moves must be at least 1.");
        }

        if (options.Leads < options.Clients.Max() * 2)
        {
            throw new ArgumentException("--leads must be at least twice the largest --clients, so requests never share a lead.");
        }

        options.Repo = Path.GetFullPath(repo ?? FindRepo());
        options.Output = Path.GetFullPath(output ?? Path.Combine(options.Repo, "artifacts", "bench"));
        return options;
    }

    private static int[] Ints(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();

    private static string FindRepo()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "L2R.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new ArgumentException("Cannot find the repository (no L2R.sln above here); pass --repo.");
    }

    public sealed class HelpRequested : Exception;
}
