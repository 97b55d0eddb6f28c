namespace Catalog.Application.Jobs;

public sealed class JobOptions
{
    public const string Section = "Catalog:Jobs";

    /// <summary>The most items one job may hold.</summary>
    public int MaxItems { get; set; } = 100_000;

    /// <summary>Items applied per transaction; an atomic job must fit in one chunk.</summary>
    public int ChunkSize { get; set; } = 500;

    /// <summary>How long finished jobs and their results are kept.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often an idle worker purges the jobs past <see cref="Retention"/>.</summary>
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a worker holds a job without renewing; another instance takes over an expired lease.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often an idle worker looks for work (a job submitted to this instance wakes it at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long the worker may go without a round (a look for work, a chunk done) before <c>/health/ready</c> reports
    /// it stalled; longer than <see cref="PollInterval"/> and than one chunk takes.
    /// </summary>
    public TimeSpan StalledAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Whether this instance runs jobs; an instance that only accepts them leaves them to others.</summary>
    public bool RunWorker { get; set; } = true;
}
