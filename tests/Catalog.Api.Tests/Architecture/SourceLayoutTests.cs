using System.Globalization;
using Catalog.Testing;

namespace Catalog.Api.Tests.Architecture;

/// <summary>
/// The formatter does not wrap long lines, so the limit <c>.editorconfig</c> sets for C# is checked here.
/// Migrations are left out: EF Core's tooling writes them.
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
        tooLong.Should().BeEmpty($"lines in src/ are at most {limit} characters");
    }

    [Fact]
    public void SourceFiles_AreFound()
    {
        SourceFiles(TestEnvironment.RepositoryRoot())
            .Should().Contain(f => f.EndsWith("Program.cs", StringComparison.Ordinal), "the check must see the code");
    }

    private static IEnumerable<string> SourceFiles(string root) =>
        Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "obj" or "bin" or "Migrations"));

    private static int MaxLineLength(string root)
    {
        var setting = File.ReadLines(Path.Combine(root, ".editorconfig"))
            .Select(l => l.Split('=', 2, StringSplitOptions.TrimEntries))
            .Single(kv => kv is ["max_line_length", _]);
        return int.Parse(setting[1], CultureInfo.InvariantCulture);
    }
}
