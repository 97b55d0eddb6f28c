using System.Runtime;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace Catalog.Benchmarks.Reporting;

internal static class MachineInfo
{
    public static string Describe()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        return $"{Environment.ProcessorCount} cores, "
            + $"{RuntimeInformation.OSDescription} {RuntimeInformation.OSArchitecture}, "
            + $"{RuntimeInformation.FrameworkDescription}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC, "
            + $"SQLite {connection.ServerVersion}, temp dir {Path.GetTempPath()}";
    }
}
