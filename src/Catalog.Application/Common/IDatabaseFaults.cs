namespace Catalog.Application.Common;

/// <summary>
/// Tells a database that cannot serve (unreachable, restarting, out of connections or space, its session killed)
/// from every other failure: the request may succeed if sent again later, and the client is told so.
/// </summary>
public interface IDatabaseFaults
{
    /// <summary>True when <paramref name="exception"/>, or one it wraps, says the database could not serve.</summary>
    bool IsUnavailable(Exception exception);
}
