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
ENTRYPOINT ["dotnet", "Catalog.Api.dll"]
