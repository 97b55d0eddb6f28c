using Catalog.Application.Jobs;

namespace Catalog.Infrastructure.Persistence.Configurations;

internal sealed class JobConfiguration : IEntityTypeConfiguration<Job>
{
    public void Configure(EntityTypeBuilder<Job> builder)
    {
        builder.ToTable("jobs");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Id).UseIdentityKey();
        builder.Property(j => j.Version).IsConcurrencyToken();
        builder.Property(j => j.Kind).HasMaxLength(32);
        builder.Property(j => j.Source).HasMaxLength(32);
        builder.Property(j => j.Policy).HasConversion<string>().HasMaxLength(16);
        builder.Property(j => j.TakenHandles).HasConversion<string>().HasMaxLength(16);
        builder.Property(j => j.Status).HasConversion<string>().HasMaxLength(24);
        builder.Property(j => j.LeaseOwner).HasMaxLength(64);
        builder.Ignore(j => j.Left);
        builder.Ignore(j => j.IsFinished);

        // The worker's claim looks for unfinished jobs; a key's list reads its own, newest first.
        builder.HasIndex(j => new { j.Status, j.Id });
        builder.HasIndex(j => new { j.OwnerKeyId, j.Id });
        builder.HasIndex(j => j.FinishedAt);
    }
}

internal sealed class JobChunkConfiguration : IEntityTypeConfiguration<JobChunk>
{
    public void Configure(EntityTypeBuilder<JobChunk> builder)
    {
        builder.ToTable("job_chunks");
        builder.HasKey(c => new { c.JobId, c.Number });
        builder.HasOne<Job>().WithMany().HasForeignKey(c => c.JobId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class JobResultConfiguration : IEntityTypeConfiguration<JobResult>
{
    public void Configure(EntityTypeBuilder<JobResult> builder)
    {
        builder.ToTable("job_results");
        builder.HasKey(r => new { r.JobId, r.Position });
        builder.Property(r => r.Operation).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Process).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Job>().WithMany().HasForeignKey(r => r.JobId).OnDelete(DeleteBehavior.Cascade);

        // Paging through one job's failures reads only them.
        builder.HasIndex(r => new { r.JobId, r.Status, r.Position });
    }
}
