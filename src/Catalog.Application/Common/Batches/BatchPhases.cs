using System.Diagnostics;

namespace Catalog.Application.Common.Batches;

/// <summary>
/// Where a request's time went, phase after phase: each <see cref="Lap"/> names the time since the one before (or
/// since <see cref="Begin"/>). The engine laps its phases (<see cref="EnginePhases"/>: <c>parse</c> is all before
/// it); the host laps the rest (the API: <c>render</c>, <c>serialize</c>) and reports them (as a <c>Server-Timing</c>
/// header). One per request; a phase lapped twice (a job's chunks) adds up.
/// </summary>
public sealed class BatchPhases
{
    private readonly List<(string Name, TimeSpan Elapsed)> _laps = [];
    private long _mark = Stopwatch.GetTimestamp();

    public IReadOnlyList<(string Name, TimeSpan Elapsed)> Laps => _laps;

    /// <summary>Whether a batch ran: the engine lapped its first phase.</summary>
    public bool Ran => _laps.Exists(l => l.Name == EnginePhases.Validate);

    public void Begin(long timestamp) => _mark = timestamp;

    public void Lap(string name)
    {
        var now = Stopwatch.GetTimestamp();
        var elapsed = Stopwatch.GetElapsedTime(_mark, now);
        _mark = now;
        var index = _laps.FindIndex(l => l.Name == name);
        if (index < 0)
        {
            _laps.Add((name, elapsed));
        }
        else
        {
            _laps[index] = (name, _laps[index].Elapsed + elapsed);
        }
    }
}

/// <summary>The names of the engine's phases, in their order.</summary>
public static class EnginePhases
{
    /// <summary>All before the engine: reading and binding the body, authentication, a dialect's translation.</summary>
    public const string Parse = "parse";
    public const string Validate = "validate";

    /// <summary>The reads of the batch's snapshot.</summary>
    public const string Load = "load";

    /// <summary>The checks against what was loaded.</summary>
    public const string Check = "check";

    /// <summary>The ids reserved for the rows to insert.</summary>
    public const string Ids = "ids";

    /// <summary>The write plan (and, for an atomic batch that failed, the checks).</summary>
    public const string Plan = "plan";
    public const string Write = "write";

    /// <summary>The answers, mapped from the written rows.</summary>
    public const string Map = "map";
}
