namespace Catalog.Benchmarks;

internal enum Operation
{
    Create,
    Update,
    Delete,
}
