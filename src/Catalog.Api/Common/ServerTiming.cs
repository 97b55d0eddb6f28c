using System.Diagnostics;
using System.Globalization;
using Catalog.Application.Common.Batches;

namespace Catalog.Api.Common;

/// <summary>
/// Answers a batch with where its time went, as a <c>Server-Timing</c> header (W3C Server Timing): one entry per phase
/// (<see cref="BatchPhases"/>), in milliseconds, e.g. <c>parse;dur=4.1, validate;dur=9.8, ..., serialize;dur=7.5</c>.
/// Browsers' developer tools show it; the benchmark prints it. Only durations go out, never a value of the batch.
/// </summary>
internal sealed class ServerTiming(RequestDelegate next)
{
    public const string Header = "Server-Timing";

    public Task InvokeAsync(HttpContext context, BatchPhases phases)
    {
        phases.Begin(Stopwatch.GetTimestamp());
        context.Response.OnStarting(() =>
        {
            if (phases.Ran)
            {
                context.Response.Headers[Header] = string.Join(", ", phases.Laps.Select(l =>
                    string.Create(CultureInfo.InvariantCulture, $"{l.Name};dur={l.Elapsed.TotalMilliseconds:F1}")));
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}
