using Catalog.Infrastructure.Diagnostics;

namespace Catalog.Benchmarks;

/// <summary>
/// A sample from the API's <see cref="SqlStatementCounter"/>. Its round trips and rows written are read by name, as
/// the commits before 2026-12-05 (fifth session) do not count them and the benchmark must still measure those.
/// </summary>
internal static class CounterReadings
{
    public static Sample Sample(Metered span, SqlStatementCounter counter) =>
        new(span, counter.Reads, counter.Writes)
        {
            RoundTrips = Read(counter, "RoundTrips"),
            RowsWritten = Read(counter, "RowsWritten"),
        };

    private static long? Read(SqlStatementCounter counter, string name) =>
        typeof(SqlStatementCounter).GetProperty(name)?.GetValue(counter) as long?;
}
