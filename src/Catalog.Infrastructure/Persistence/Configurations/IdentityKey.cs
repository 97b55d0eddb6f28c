using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Catalog.Infrastructure.Persistence.Configurations;

internal static class IdentityKey
{
    /// <summary>
    /// A database-generated key that never reuses a deleted id: AUTOINCREMENT on SQLite, identity on PostgreSQL.
    /// Batches reserve ids from the same sequence up front (see IdAllocator) and insert them explicitly.
    /// </summary>
    public static PropertyBuilder<long> UseIdentityKey(this PropertyBuilder<long> property) =>
        property.ValueGeneratedOnAdd()
            .HasAnnotation("Sqlite:Autoincrement", true)
            .UseIdentityByDefaultColumn();
}
