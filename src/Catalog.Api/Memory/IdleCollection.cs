using Microsoft.Extensions.Logging;

namespace Catalog.Api.Memory;

/// <summary>
/// When the process falls quiet after work, gives the memory that work left behind back to the system.
/// </summary>
/// <remarks>
/// The runtime collects garbage only when code allocates: after a burst of large batches or list pages the heap keeps
/// their garbage, and the pools their arrays, until the next burst, and RSS stays at the burst's level however long
/// the process then idles (issue 16: 192 MiB before hostile load, 656 MiB long after it). So once the process has
/// allocated <see cref="MemoryOptions.IdleCollectionAfterBytes"/> since its last such collection and then allocates
/// almost nothing for <see cref="QuietSeconds"/> seconds (no requests, no job), this runs one full, compacting,
/// decommitting collection (<see cref="GCCollectionMode.Aggressive"/>). It never runs under load, when it would cost
/// throughput, and never twice in one quiet spell.
/// </remarks>
internal sealed partial class IdleCollection(
    IOptions<MemoryOptions> options, TimeProvider clock, ILogger<IdleCollection> logger) : BackgroundService
{
    /// <summary>How long the process must be quiet: longer than a client's pause between two requests.</summary>
    public const int QuietSeconds = 2;

    /// <summary>What a quiet process allocates in a second (health probes, timers): less than one request.</summary>
    private const long QuietBytesPerSecond = 2 * 1024 * 1024;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.IdleCollection)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), clock);
        var last = GC.GetTotalAllocatedBytes();
        var sinceCollection = 0L;
        var quiet = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var now = GC.GetTotalAllocatedBytes();
                var allocated = now - last;
                last = now;
                sinceCollection += allocated;
                quiet = allocated < QuietBytesPerSecond ? quiet + 1 : 0;
                if (quiet >= QuietSeconds && sinceCollection >= settings.IdleCollectionAfterBytes)
                {
                    var before = Environment.WorkingSet;
                    GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                    Collected(logger, sinceCollection / (1024 * 1024), before / (1024 * 1024),
                        Environment.WorkingSet / (1024 * 1024));
                    sinceCollection = 0;
                    last = GC.GetTotalAllocatedBytes();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Debug,
        Message = "Idle after {AllocatedMiB} MiB allocated: collected, working set {BeforeMiB} -> {AfterMiB} MiB")]
    private static partial void Collected(ILogger logger, long allocatedMiB, long beforeMiB, long afterMiB);
}

/// <summary>The process's memory settings (<c>Catalog:Memory</c>).</summary>
public sealed class MemoryOptions
{
    public const string Section = "Catalog:Memory";

    /// <summary>Whether a quiet process gives back what its last burst of work left (<see cref="IdleCollection"/>).
    /// </summary>
    public bool IdleCollection { get; set; } = true;

    /// <summary>How much the process must have allocated since the last idle collection for another to be worth it.
    /// </summary>
    public long IdleCollectionAfterBytes { get; set; } = 64L * 1024 * 1024;
}

public static class MemoryRegistration
{
    public static IServiceCollection AddIdleCollection(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MemoryOptions>(configuration.GetSection(MemoryOptions.Section));
        services.AddHostedService<IdleCollection>();
        return services;
    }
}
