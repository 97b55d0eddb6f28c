using System.Globalization;

namespace Catalog.Benchmarks;

/// <summary>
/// Command line: <c>--sizes 10,100,500,1000 --runs 7 --naive-runs 3 --warmup 10 --databases sqlite,postgres
/// --markdown results.md</c>, and to look at one part under a profiler, <c>--operations create,delete --paths
/// medusa</c>. <c>--job 100000</c> runs the job mode instead (<see cref="Jobs.JobBenchmark"/>), on the same
/// databases, with <c>--api-env</c> settings (<c>DOTNET_gcServer=0,...</c>) for the API process.
/// </summary>
internal sealed record BenchOptions
{
    private const string KnownOptions =
        "--sizes, --runs, --naive-runs, --warmup, --markdown, --operations, --paths, --job, --databases, --api-env, "
        + "--api-process, --load, --clients, --load-warmup, --load-idle";
    public IReadOnlyList<int> Sizes { get; init; } = [10, 100, 500, 1000];

    public int Runs { get; init; } = 7;

    /// <summary>
    /// The naive path commits once per item, so at large N one run takes seconds; fewer runs keep the whole benchmark
    /// short.
    /// </summary>
    public int NaiveRuns { get; init; } = 3;

    public string? MarkdownPath { get; init; }

    public IReadOnlyList<Operation> Operations { get; init; } = Enum.GetValues<Operation>();

    /// <summary>
    /// The path names to run (batch, naive, ado.net, copy, canonical-medusa, medusa); all of them when not given.
    /// </summary>
    public IReadOnlyList<string>? Paths { get; init; }

    /// <summary>
    /// Untimed passes over every operation and path before measuring; see <see cref="BenchmarkRunner.WarmUpAsync"/>.
    /// </summary>
    public int WarmUpPasses { get; init; } = 10;

    /// <summary>The job mode's item count (products); null runs the synchronous benchmark.</summary>
    public int? JobItems { get; init; }

    /// <summary>
    /// The databases both modes run on: sqlite, postgres (a throwaway server, started as the tests start theirs).
    /// </summary>
    public IReadOnlyList<string> Databases { get; init; } = ["sqlite", "postgres"];

    /// <summary>Runs the API-process mode (<see cref="Processes.ApiProcessBenchmark"/>) instead.</summary>
    public bool ApiProcess { get; init; }

    /// <summary>The load mode's time per K (<see cref="Load.LoadBenchmark"/>); null runs another mode.</summary>
    public TimeSpan? Load { get; init; }

    public TimeSpan LoadDuration => Load ?? TimeSpan.Zero;

    /// <summary>The load mode's numbers of concurrent clients, one run each.</summary>
    public IReadOnlyList<int> Clients { get; init; } = [1, 4, 16];

    /// <summary>The load mode's warm-up before each K's timed part, with the same clients.</summary>
    public TimeSpan LoadWarmUp { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The quiet spell before RSS is read, after the warm-up and after the run alike: long enough for the API's idle
    /// collection (two quiet seconds and its tick).
    /// </summary>
    public TimeSpan LoadIdle { get; init; } = TimeSpan.FromSeconds(6);

    /// <summary>Environment variables for the job mode's API processes (GC settings, say), as NAME=value.</summary>
    public IReadOnlyList<string> ApiEnvironment { get; init; } = [];

    /// <summary>How the API processes run, as the reports say it.</summary>
    public string ApiSettings =>
        ApiEnvironment.Count == 0 ? "its runtimeconfig alone" : string.Join(", ", ApiEnvironment);

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        var naiveRunsGiven = false;
        var databasesGiven = false;
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--sizes" => options with
                {
                    Sizes = [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Positive)],
                },
                "--runs" => options with { Runs = Positive(value) },
                "--naive-runs" => options with { NaiveRuns = Positive(value) },
                "--markdown" => options with { MarkdownPath = value },
                "--operations" => options with { Operations = [.. List(value).Select(ParseOperation)] },
                "--paths" => options with { Paths = List(value) },
                "--job" => options with { JobItems = Positive(value) },
                "--databases" => options with { Databases = [.. List(value).Select(Database)] },
                "--api-env" => options with { ApiEnvironment = List(value) },
                "--api-process" => options with { ApiProcess = value is "on" or "true" or "yes" },
                "--load" => options with { Load = Duration(value) },
                "--clients" => options with { Clients = [.. List(value).Select(Positive)] },
                "--load-warmup" => options with { LoadWarmUp = Duration(value) },
                "--load-idle" => options with { LoadIdle = Duration(value) },
                "--warmup" => options with
                {
                    WarmUpPasses = int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture),
                },
                _ => throw new ArgumentException($"Unknown option {args[i]}. Use {KnownOptions}."),
            };
            naiveRunsGiven |= args[i] == "--naive-runs";
            databasesGiven |= args[i] == "--databases";
            i++;
        }

        // The load test is PostgreSQL's (issue 16: the database several instances share) unless told otherwise.
        if (options.Load is not null && !databasesGiven)
        {
            options = options with { Databases = ["postgres"] };
        }

        // Asking for fewer runs than the naive default should not make naive the one with more.
        return naiveRunsGiven ? options : options with { NaiveRuns = Math.Min(options.NaiveRuns, options.Runs) };
    }

    private static string[] List(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static Operation ParseOperation(string text) =>
        Enum.TryParse<Operation>(text, ignoreCase: true, out var operation) && Enum.IsDefined(operation)
            ? operation
            : throw new ArgumentException($"'{text}' is not an operation: use create, update or delete.");

    private static string Database(string text) =>
        text is "sqlite" or "postgres" ? text : throw new ArgumentException($"'{text}' is not sqlite or postgres.");

    /// <summary><c>60s</c>, <c>2m</c> or a number of seconds.</summary>
    private static TimeSpan Duration(string text)
    {
        var (number, unit) = text.EndsWith('m') ? (text[..^1], 60) : (text.TrimEnd('s'), 1);
        return TimeSpan.FromSeconds(Positive(number) * unit);
    }

    private static int Positive(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"'{text}' is not a positive whole number.");
}
