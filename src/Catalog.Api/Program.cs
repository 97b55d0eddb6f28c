using Catalog.Api.Cli;
using Catalog.Api.Dialects.Medusa;
using Catalog.Api.Dialects.Process;
using Catalog.Api.Dialects.Trade;
using Catalog.Api.Dialects.WooCommerce;
using Catalog.Api.Health;
using Catalog.Api.Idempotency;
using Catalog.Api.Logging;
using Catalog.Api.Memory;
using Catalog.Api.OpenApi;
using Catalog.Api.RateLimiting;
using Catalog.Application;
using Catalog.Infrastructure;
using Microsoft.AspNetCore.Authentication;

if (args is ["health", ..])
{
    return await HealthCommand.RunAsync(args[1..]);
}

if (args is ["keys", .. var keysArguments])
{
    return await KeysCommand.RunAsync(keysArguments);
}

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCredentialRedaction();

builder.Services.AddApplication(builder.Configuration);
builder.Services.AddInfrastructure(builder.Configuration, Path.Combine(builder.Environment.ContentRootPath, "data"));

builder.Services.AddControllers(options =>
    {
        options.Filters.Add<NullItemsFilter>();
        options.Filters.Add<ClientErrorFilter>();

        // A bad query or route value is named, never echoed: what a client sent is not ours to print back.
        var messages = options.ModelBindingMessageProvider;
        messages.SetAttemptedValueIsInvalidAccessor((_, field) => $"The value is not valid for {field}.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => "The value is not valid.");
        messages.SetValueIsInvalidAccessor(_ => "The value is not valid.");
        messages.SetValueMustBeANumberAccessor(field => $"{field} must be a number.");
    })
    .AddJsonOptions(options =>
    {
        CatalogJson.Configure(options.JsonSerializerOptions);
        // Keep the JsonException on the model state, so InvalidRequestResponse can tell broken JSON from a wrong shape.
        options.AllowInputFormatterExceptionMessages = false;
    })
    .ConfigureApiBehaviorOptions(options => options.InvalidModelStateResponseFactory = InvalidRequestResponse.Create);
builder.Services.AddOptions<MvcOptions>().Configure<IOptions<JsonOptions>>(BufferedJsonOutputFormatter.Replace);
builder.Services.ConfigureHttpJsonOptions(options => CatalogJson.Configure(options.SerializerOptions));
builder.Services.AddProblemDetails(options =>
    options.CustomizeProblemDetails = context => Problems.SpellTraceId(context.ProblemDetails));
builder.Services.AddRequestErrorFormats();
builder.Services.AddExceptionHandler<CatalogExceptionHandler>();
builder.Services.AddTradeDialect();

builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
    .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
    .AddProcessDialect();
builder.Services.AddWooCommerceDialect(builder.Configuration);
builder.Services.AddMedusaDialect();
const string ScopeClaim = ApiKeyAuthenticationHandler.ScopeClaim;
builder.Services.AddAuthorizationBuilder()
    .AddPolicy(CatalogPolicies.Read, policy => policy.RequireClaim(ScopeClaim, CatalogPolicies.Read))
    .AddPolicy(CatalogPolicies.Write, policy => policy.RequireClaim(ScopeClaim, CatalogPolicies.Write))
    .AddPolicy(CatalogPolicies.Admin, policy => policy.RequireClaim(ScopeClaim, CatalogPolicies.Admin));

builder.Services.AddRequestLimits(builder.Configuration);
builder.Services.AddCatalogRateLimiting(builder.Configuration);
builder.Services.AddCatalogOpenApi(builder.Configuration);
builder.Services.AddCatalogHealthChecks();
builder.Services.AddIdleCollection(builder.Configuration);

var app = builder.Build();

app.UseMiddleware<SecurityHeaders>();
app.UseMiddleware<ServerTiming>();
app.UseExceptionHandler();
app.UseStatusCodePages(context => Problems.WriteStatusAsync(context.HttpContext));

// Here, not first (where the host would put it): the health endpoints answer in routing (short-circuited, past the
// keys and limits), and still carry the headers above.
app.UseRouting();
app.UseFailedAuthenticationLockout();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseMiddleware<IdempotencyMiddleware>();
app.UseMiddleware<JsonSyntaxCheck>();

app.UseCatalogOpenApi();
app.MapCatalogHealth();
app.MapControllers().WithJobBodyLimit(app.Services.GetRequiredService<IOptions<RequestLimits>>().Value);

try
{
    await app.RunAsync();
}
catch (StartupFailureException)
{
    // Its sentence is logged already, on one line; an expected cause prints no stack trace.
    return 1;
}

return 0;

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program
{
    protected Program()
    {
    }
}
