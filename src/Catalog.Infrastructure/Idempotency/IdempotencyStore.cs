using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Catalog.Application.Common.Idempotency;
using Catalog.Infrastructure.Persistence;
using Catalog.Infrastructure.Persistence.Providers;
using Catalog.Infrastructure.Persistence.Writing;
using Microsoft.Extensions.Options;

namespace Catalog.Infrastructure.Idempotency;

/// <summary>
/// Keys held by this process's requests. With the database's session lock (PostgreSQL, SQL Server) a key is held
/// across instances too; an embedded database has one process, so this is all it needs. Neither outlives its holder:
/// a killed process leaves no key held.
/// </summary>
internal sealed class IdempotencyLocks
{
    private readonly ConcurrentDictionary<(long Owner, string Key), byte> held = new();

    public bool TryTake(long owner, string key) => held.TryAdd((owner, key), 0);

    public void Release(long owner, string key) => held.TryRemove((owner, key), out _);

    /// <summary>When the last sweep of expired answers ran (Unix ms): at most one a minute per process.</summary>
    public long LastSweep;
}

internal sealed class IdempotencyStore(
    CatalogDbContext db,
    DatabaseProvider provider,
    CommitGate gate,
    IdempotencyLocks locks,
    IOptions<IdempotencyOptions> options,
    TimeProvider clock) : IIdempotencyStore
{
    private static readonly JsonSerializerOptions HeaderJson = new(JsonSerializerDefaults.Web);

    public async Task<IIdempotencyClaim?> ClaimAsync(long ownerKeyId, string key, CancellationToken cancellationToken)
    {
        if (!locks.TryTake(ownerKeyId, key))
        {
            return null;
        }

        var lockId = LockId(ownerKeyId, key);
        var opened = false;
        var locked = false;
        try
        {
            // The connection stays open until the claim ends: its session holds the lock, and a held write's
            // transaction lives on it.
            await db.Database.OpenConnectionAsync(cancellationToken);
            opened = true;
            locked = await provider.TryLockAsync(db.Database.GetDbConnection(), lockId, cancellationToken);
            if (!locked)
            {
                await EndAsync(ownerKeyId, key, lockId, opened, locked: false);
                return null;
            }

            var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
            var record = await db.IdempotencyRecords.AsNoTracking()
                .Where(r => r.OwnerKeyId == ownerKeyId && r.Key == key && r.ExpiresAt > now)
                .SingleOrDefaultAsync(cancellationToken);
            var stored = record is null
                ? null
                : new StoredAnswer(
                    record.Fingerprint,
                    record.Status,
                    JsonSerializer.Deserialize<List<KeyValuePair<string, string>>>(record.Headers, HeaderJson)!,
                    record.Body);
            return new Claim(this, ownerKeyId, key, lockId, stored);
        }
        catch
        {
            await EndAsync(ownerKeyId, key, lockId, opened, locked);
            throw;
        }
    }

    private async Task StoreAsync(long owner, string key, StoredAnswer answer, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();
        await using (var transaction = await gate.BeginAsync(cancellationToken))
        {
            // An expired answer under the same key gives way; so, now and then, do all expired answers.
            var sweepAll = nowMs - Interlocked.Read(ref locks.LastSweep) > 60_000;
            await db.IdempotencyRecords
                .Where(r => (r.OwnerKeyId == owner && r.Key == key) || sweepAll)
                .Where(r => r.ExpiresAt <= nowMs)
                .ExecuteDeleteAsync(cancellationToken);
            if (sweepAll)
            {
                Interlocked.Exchange(ref locks.LastSweep, nowMs);
            }

            db.IdempotencyRecords.Add(new IdempotencyRecord
            {
                OwnerKeyId = owner,
                Key = key,
                Fingerprint = answer.Fingerprint,
                Status = answer.Status,
                Headers = JsonSerializer.Serialize(answer.Headers, HeaderJson),
                Body = answer.Body,
                CreatedAt = now,
                ExpiresAt = (now + options.Value.Retention).ToUnixTimeMilliseconds(),
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            finally
            {
                db.ChangeTracker.Clear();
            }

            await transaction.CommitAsync(cancellationToken);
        }

        await gate.CommitHeldAsync(cancellationToken);
    }

    private void HoldWrites() => gate.Hold();

    private async Task EndAsync(long owner, string key, long lockId, bool opened, bool locked)
    {
        try
        {
            await gate.RollBackHeldAsync();
            if (locked)
            {
                await provider.UnlockAsync(db.Database.GetDbConnection(), lockId);
            }
        }
        catch (Exception broken) when (broken is DbException or InvalidOperationException)
        {
            // The session is gone (the database went away, or killed it), and with it its transaction and its lock;
            // the failure that ended the request is the one to report.
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }

            locks.Release(owner, key);
        }
    }

    /// <summary>The database lock's name for a key: the first 64 bits of a hash of the owner and the key.</summary>
    private static long LockId(long owner, string key)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"idempotency:{owner}:{key}"), hash);
        return BitConverter.ToInt64(hash);
    }

    private sealed class Claim(IdempotencyStore store, long owner, string key, long lockId, StoredAnswer? stored)
        : IIdempotencyClaim
    {
        public StoredAnswer? Stored => stored;

        public void HoldWrites() => store.HoldWrites();

        public Task StoreAsync(StoredAnswer answer, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(answer);
            return store.StoreAsync(owner, key, answer, cancellationToken);
        }

        public async ValueTask DisposeAsync() =>
            await store.EndAsync(owner, key, lockId, opened: true, locked: true);
    }
}
