using Microsoft.Data.SqlClient;

namespace Catalog.Testing.SqlServer;

/// <summary>
/// The SQL Server the suite runs against, named by <c>CATALOG_TEST_SQLSERVER</c> (a connection string to any database
/// of it; README). None can be installed on the machines this project is built on, so without it every SQL Server test
/// is reported as skipped ("not run"), never passed (<see cref="ProviderTestFramework"/>).
/// </summary>
public static class SqlServerTestServer
{
    public const string Variable = "CATALOG_TEST_SQLSERVER";

    public const string NotRun = $"SQL Server: not run, no server ({Variable} is not set; see README)";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
        ? value
        : null;

    public static bool IsConfigured => ConnectionString is not null;

    /// <summary>Creates an empty database of its own on the server and answers its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var server = new SqlConnectionStringBuilder(ConnectionString ?? throw new InvalidOperationException(NotRun));
        var name = $"catalog_test_{Guid.NewGuid():N}";
        await ExecuteAsync(server.ConnectionString, $"CREATE DATABASE [{name}]");
        return new SqlConnectionStringBuilder(server.ConnectionString) { InitialCatalog = name }.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        SqlConnection.ClearAllPools();
        var name = new SqlConnectionStringBuilder(connectionString).InitialCatalog;
        var server = new SqlConnectionStringBuilder(connectionString) { InitialCatalog = "master" };
        await ExecuteAsync(
            server.ConnectionString,
            $"ALTER DATABASE [{name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{name}]");
    }

    /// <summary>Restarts every sequence, as Respawn's reseed does for identity columns (SQL Server's ids).</summary>
    public const string RestartSequences =
        """
        DECLARE @sql nvarchar(max) = N'';
        SELECT @sql += N'ALTER SEQUENCE ' + QUOTENAME(name) + N' RESTART WITH 1;' FROM sys.sequences;
        EXEC sp_executesql @sql;
        """;

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new SqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new SqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
