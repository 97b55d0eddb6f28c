# syntax=docker/dockerfile:1
# Build: the SDK image restores and publishes the API.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig Catalog.sln ./
COPY src/ src/
RUN dotnet publish src/Catalog.Api/Catalog.Api.csproj -c Release -o /app/publish -p:OpenApiGenerateDocumentsOnBuild=false

# Run: the ASP.NET runtime only, serving on 8080, with the SQLite file on a volume.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app/publish .
ENV ASPNETCORE_HTTP_PORTS=8080 \
    ConnectionStrings__Catalog="Data Source=/data/catalog.db"
RUN mkdir -p /data && chown app:app /data
VOLUME ["/data"]
USER app
EXPOSE 8080
# The image has neither curl nor wget: the app asks its own /health/ready (the `health` verb, on ASPNETCORE_HTTP_PORTS)
# and exits 0 when the database answers with every migration and the job worker goes round, 1 otherwise.
HEALTHCHECK --interval=30s --timeout=15s --start-period=60s --retries=3 \
    CMD ["dotnet", "Catalog.Api.dll", "health"]
ENTRYPOINT ["dotnet", "Catalog.Api.dll"]
