using Catalog.Application.Jobs;
using Catalog.Infrastructure.Persistence;
using Catalog.Infrastructure.Persistence.Writing;

namespace Catalog.Infrastructure.Jobs;

internal sealed class JobStore(CatalogDbContext db, DatabaseProvider provider, CommitGate gate, TimeProvider clock)
    : IJobStore
{
    public async Task<Job> AddAsync(Job job, CancellationToken cancellationToken)
    {
        db.Jobs.Add(job);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return job;
    }

    public async Task AddChunkAsync(JobChunk chunk, CancellationToken cancellationToken)
    {
        db.JobChunks.Add(chunk);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    public async Task<bool> SaveAsync(Job job, long expectedVersion, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var entry = db.Jobs.Attach(job);
        entry.State = EntityState.Modified;
        entry.Property(j => j.Version).OriginalValue = expectedVersion;
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            // Through the gate: an idempotent submission's answer commits with the job it queues.
            await using var transaction = await gate.BeginAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
            await db.Database.CloseConnectionAsync();
        }
    }

    public async Task DiscardAsync(long id, CancellationToken cancellationToken)
    {
        await db.JobResults.Where(r => r.JobId == id).ExecuteDeleteAsync(cancellationToken);
        await db.JobChunks.Where(c => c.JobId == id).ExecuteDeleteAsync(cancellationToken);
        await db.Jobs.Where(j => j.Id == id).ExecuteDeleteAsync(cancellationToken);
    }

    public Task<Job?> FindAsync(long id, long? ownerKeyId, CancellationToken cancellationToken) =>
        db.Jobs.AsNoTracking()
            .Where(j => j.Id == id && j.Status != JobStatus.Receiving)
            .Where(j => ownerKeyId == null || j.OwnerKeyId == ownerKeyId)
            .SingleOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<Job>> ListAsync(
        long ownerKeyId, long? before, int limit, CancellationToken cancellationToken) =>
        await db.Jobs.AsNoTracking()
            .Where(j => j.OwnerKeyId == ownerKeyId && j.Status != JobStatus.Receiving)
            .Where(j => before == null || j.Id < before)
            .OrderByDescending(j => j.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<JobResult>> ResultsAsync(
        long jobId, ItemStatus? status, int after, int limit, CancellationToken cancellationToken) =>
        await db.JobResults.AsNoTracking()
            .Where(r => r.JobId == jobId && r.Position > after)
            .Where(r => status == null || r.Status == status)
            .OrderBy(r => r.Position)
            .Take(limit)
            .ToListAsync(cancellationToken);

    public async Task<Job?> ClaimAsync(
        string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = db.Database.GetDbConnection();
            long? claimed;
            await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
            {
                claimed = await ScalarAsync(
                    connection, transaction, provider.NextJobSql, cancellationToken, ("now", now));
                if (claimed is { } id)
                {
                    // Started now, not at `now`: that was read before the claim, which may have waited for the
                    // submission's write lock (SQLite), and would put started_at before created_at.
                    await ExecuteAsync(
                        connection,
                        transaction,
                        $"""
                        UPDATE jobs SET lease_owner = @owner, lease_until = @until, version = version + 1,
                            status = '{nameof(JobStatus.Running)}', started_at = COALESCE(started_at, @now)
                        WHERE id = @id
                        """,
                        cancellationToken,
                        ("owner", owner),
                        ("until", until),
                        ("now", clock.GetUtcNow()),
                        ("id", id));
                }

                await transaction.CommitAsync(cancellationToken);
            }

            return claimed is { } job ? await FindAsync(job, null, cancellationToken) : null;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public async Task<bool> RenewAsync(long id, string owner, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var renewed = await db.Database.ExecuteSqlAsync(
            $"UPDATE jobs SET lease_until = {until} WHERE id = {id} AND lease_owner = {owner}",
            cancellationToken);
        return renewed == 1;
    }

    public Task<JobChunk?> NextChunkAsync(long jobId, int after, CancellationToken cancellationToken) =>
        db.JobChunks.AsNoTracking()
            .Where(c => c.JobId == jobId && c.Number > after)
            .OrderBy(c => c.Number)
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<int> DropChunksAsync(long jobId, CancellationToken cancellationToken)
    {
        var items = await db.JobChunks.Where(c => c.JobId == jobId).SumAsync(c => c.ItemCount, cancellationToken);
        await db.JobChunks.Where(c => c.JobId == jobId).ExecuteDeleteAsync(cancellationToken);
        return items;
    }

    public async Task<(int Queued, int Running)> CountAsync(CancellationToken cancellationToken)
    {
        // Plain SQL, not EF: an idle worker's bookkeeping stays out of the process's query counts.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = db.Database.GetDbConnection();
            var queued = await ScalarAsync(connection, null, "SELECT COUNT(*) FROM jobs WHERE status = 'Queued'",
                cancellationToken);
            var running = await ScalarAsync(connection, null, "SELECT COUNT(*) FROM jobs WHERE status = 'Running'",
                cancellationToken);
            return ((int)(queued ?? 0), (int)(running ?? 0));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public async Task<int> PurgeAsync(
        DateTimeOffset cutoff, DateTimeOffset abandoned, int limit, CancellationToken cancellationToken)
    {
        // Timestamps are compared in SQL the provider can run (SQLite keeps them as text); the candidates are few.
        var expired = await ExpiredAsync(cutoff, abandoned, cancellationToken);
        if (expired is not { } jobId)
        {
            return 0;
        }

        var last = await db.JobResults.Where(r => r.JobId == jobId)
            .OrderBy(r => r.Position).Select(r => (int?)r.Position).Skip(limit - 1)
            .FirstOrDefaultAsync(cancellationToken);
        var deleted = await db.JobResults.Where(r => r.JobId == jobId && (last == null || r.Position <= last))
            .ExecuteDeleteAsync(cancellationToken);
        if (last is null)
        {
            deleted += await db.JobChunks.Where(c => c.JobId == jobId).ExecuteDeleteAsync(cancellationToken);
            deleted += await db.Jobs.Where(j => j.Id == jobId).ExecuteDeleteAsync(cancellationToken);
        }

        return deleted;
    }

    private async Task<long?> ExpiredAsync(
        DateTimeOffset cutoff, DateTimeOffset abandoned, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = db.Database.GetDbConnection();
            return await ScalarAsync(connection, null, provider.ExpiredJobSql, cancellationToken, ("cutoff", cutoff),
                ("abandoned", abandoned));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<long?> ScalarAsync(
        DbConnection connection,
        DbTransaction? transaction,
        string sql,
        CancellationToken cancellationToken,
        params (string Name, object Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteScalarAsync(cancellationToken) is { } value and not DBNull
            ? Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)
            : null;
    }

    private static async Task ExecuteAsync(
        DbConnection connection,
        DbTransaction transaction,
        string sql,
        CancellationToken cancellationToken,
        params (string Name, object Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbCommand Command(
        DbConnection connection, DbTransaction? transaction, string sql, (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
