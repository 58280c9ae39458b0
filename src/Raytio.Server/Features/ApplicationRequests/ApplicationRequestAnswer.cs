using System.Globalization;
using System.Text.Json.Serialization;

namespace Raytio.Server.Features.ApplicationRequests;

/// <summary>A request as operations 13-15 answer it: the reference's fields (source is not among them).</summary>
public sealed record ApplicationRequestAnswer(
    string Email,
    [property: JsonPropertyName("page_link")] string PageLink,
    [property: JsonPropertyName("a_id")] string? AId,
    [property: JsonPropertyName("aa_name")] string? AaName,
    [property: JsonPropertyName("request_short_code")] string RequestShortCode,
    string State,
    Guid Owner,
    [property: JsonPropertyName("date_created")] string DateCreated)
{
    /// <summary>The reference's form: UTC without a zone designator, microseconds ("2020-04-28T22:09:28.276988").</summary>
    public const string DateFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff";

    public static ApplicationRequestAnswer Of(ApplicationRequest request, string? state = null) => new(
        request.Email,
        request.PageLink,
        request.AId,
        request.AaName,
        request.ShortCode,
        state ?? request.State,
        request.Owner,
        request.CreatedAt.ToString(DateFormat, CultureInfo.InvariantCulture));
}
