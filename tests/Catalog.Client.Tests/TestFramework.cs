// SQL Server tests are reported as not run when no server is configured (Catalog.Testing.ProviderTestFramework).
[assembly: TestFramework("Catalog.Testing.ProviderTestFramework", "Catalog.Testing")]
