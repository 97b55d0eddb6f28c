using System.Globalization;
using Catalog.Testing;

namespace Catalog.Api.Tests.Architecture;

/// <summary>
/// The formatter does not wrap long lines, so the limit <c>.editorconfig</c> sets for C# is checked here, over the
/// code, its tests and the benchmarks. Migrations are left out: EF Core's tooling writes them, and the hand-written
/// ones the upgrade test keeps are kept as they shipped. So is the SDK's client, which NSwag writes (<c>*.g.cs</c>).
/// </summary>
public sealed class SourceLayoutTests
{
    [Fact]
    public void Lines_OfEverySourceFile_FitTheEditorConfigLimit()
    {
        var root = TestEnvironment.RepositoryRoot();
        var limit = MaxLineLength(root);

        var tooLong = SourceFiles(root)
            .SelectMany(file => File.ReadLines(file).Select((line, index) => (file, line, number: index + 1)))
            .Where(l => l.line.Length > limit)
            .Select(l => $"{Path.GetRelativePath(root, l.file)}:{l.number} ({l.line.Length})")
            .ToList();

        limit.Should().Be(120);
        tooLong.Should().BeEmpty($"lines in src/, tests/ and bench/ are at most {limit} characters");
    }

    [Fact]
    public void SourceFiles_AreFound()
    {
        var files = SourceFiles(TestEnvironment.RepositoryRoot()).ToList();

        files.Should().Contain(f => f.EndsWith("Program.cs", StringComparison.Ordinal), "the check must see the code")
            .And.Contain(f => f.EndsWith(nameof(SourceLayoutTests) + ".cs", StringComparison.Ordinal), "and the tests")
            .And.NotContain(f => f.Contains("Migrations", StringComparison.Ordinal) || IsMigration(f))
            .And.NotContain(f => IsGenerated(f));
    }

    private static IEnumerable<string> SourceFiles(string root) =>
        new[] { "src", "tests", "bench" }
            .SelectMany(folder =>
                Directory.EnumerateFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "obj" or "bin" or "Migrations"))
            .Where(f => !IsMigration(f) && !IsGenerated(f));

    /// <summary>A migration by EF Core's naming: <c>20261123000000_Initial.cs</c>.</summary>
    private static bool IsMigration(string file) =>
        Path.GetFileName(file) is { Length: > 15 } name && name[..14].All(char.IsAsciiDigit) && name[14] == '_';

    private static bool IsGenerated(string file) => file.EndsWith(".g.cs", StringComparison.Ordinal);

    private static int MaxLineLength(string root)
    {
        var setting = File.ReadLines(Path.Combine(root, ".editorconfig"))
            .Select(l => l.Split('=', 2, StringSplitOptions.TrimEntries))
            .Single(kv => kv is ["max_line_length", _]);
        return int.Parse(setting[1], CultureInfo.InvariantCulture);
    }
}
