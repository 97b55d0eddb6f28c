using System.Net;
using System.Net.Sockets;

namespace Catalog.Testing;

/// <summary>Where the repository is and which loopback port is free: what tests that run outside programs need.</summary>
public static class TestEnvironment
{
    /// <summary>The folder holding Catalog.sln, found upwards from the test binaries.</summary>
    public static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Catalog.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Catalog.sln not found above the test folder.");
    }

    /// <summary>A loopback port nothing listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
