using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Raytio.JsonCsv;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Conversion;

/// <summary>
/// Operations 113-114: JSON <-> CSV with json-2-csv semantics (Raytio.JsonCsv). The answer is
/// written to a memory-then-disk buffer first, so a problem found late in a large input still
/// answers a clean 400 instead of a truncated 200.
/// </summary>
internal static class ConversionEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapVersionedGroup("json2csv").RequireAuthorization();
        var streamingLimit = app.ServiceProvider.GetRequiredService<IOptions<ConvertOptions>>().Value.MaxStreamingBytes;

        group.MapPost("/json2csv", async (HttpContext http, IOptions<ConvertOptions> options, CancellationToken ct) =>
            {
                var limits = options.Value;
                var input = await ConversionRequest.ReadJsonAsync(http.Request, limits.MaxWrappedBytes, ct);
                var settings = Parse(input.Options, Json2CsvOptions.FromJson) ?? new Json2CsvOptions();
                settings.MaxInputBytes = limits.MaxStreamingBytes;
                await RespondAsync(http, "text/csv; charset=utf-8", output => JsonToCsv.ConvertAsync(input.Body, output, settings, ct));
            })
            .WithMetadata(new RequestSizeLimitAttribute(streamingLimit))
            .WithName("json2csv")
            .WithSummary("JSON array of objects to CSV (json-2-csv semantics)")
            .Accepts<JsonElement>("application/json")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesError(400, 401, 413, 415);

        group.MapPost("/csv2json", async (HttpContext http, IOptions<ConvertOptions> options, CancellationToken ct) =>
            {
                var limits = options.Value;
                var input = await ConversionRequest.ReadCsvAsync(http.Request, limits.MaxWrappedBytes, ct);
                var settings = Parse(input.Options, Csv2JsonOptions.FromJson) ?? new Csv2JsonOptions();
                settings.MaxInputBytes = limits.MaxStreamingBytes;
                await RespondAsync(http, "application/json; charset=utf-8", output => CsvToJson.ConvertAsync(input.Body, output, settings, ct));
            })
            .WithMetadata(new RequestSizeLimitAttribute(streamingLimit))
            .WithName("csv2json")
            .WithSummary("CSV to a JSON array (json-2-csv semantics, exact big integers)")
            .Accepts<JsonElement>("application/json", "text/csv")
            .Produces<JsonElement>()
            .ProducesError(400, 401, 413, 415);
    }

    private static T? Parse<T>(JsonElement? options, Func<JsonElement, T> parse) where T : class
    {
        try
        {
            return options is { } value ? parse(value) : null;
        }
        catch (JsonCsvOptionException problem)
        {
            throw ApiException.Invalid($"options.{problem.OptionName}", problem.Message);
        }
    }

    private static async Task RespondAsync(HttpContext http, string contentType, Func<Stream, Task> convert)
    {
        await using var buffer = new FileBufferingWriteStream();
        try
        {
            await convert(buffer);
        }
        catch (JsonCsvInputTooLargeException tooLarge)
        {
            throw new ApiException(StatusCodes.Status413PayloadTooLarge, "payload_too_large", $"The input is larger than {tooLarge.MaxInputBytes} bytes.");
        }
        catch (CsvFormatException malformed)
        {
            throw new ApiException(StatusCodes.Status400BadRequest, "malformed_csv", malformed.Message);
        }
        catch (JsonCsvOptionException problem)
        {
            throw ApiException.Invalid($"options.{problem.OptionName}", problem.Message);
        }
        catch (JsonCsvException problem)
        {
            throw ApiException.BadRequest("invalid_input", problem.Message);
        }
        http.Response.ContentType = contentType;
        await buffer.DrainBufferAsync(http.Response.Body, http.RequestAborted);
    }
}
